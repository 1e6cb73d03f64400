window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["n"]={
"name":"1",
"named":"0",
"names":"9"
};
