window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["s"]={
"shaping":"m*",
"sources":"1*",
"strategic":"d*"
};
