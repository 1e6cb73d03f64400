window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["f"]={
"fewer":"8*",
"fewer-calls":"8*",
"formalised":"c*",
"formalized":"c*"
};
