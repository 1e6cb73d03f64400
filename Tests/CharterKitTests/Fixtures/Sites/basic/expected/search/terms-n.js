window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["n"]={
"name":"1",
"names":"9"
};
