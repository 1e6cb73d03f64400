window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["i"]={
"insight":"1*,5*,f*",
"insight-dissemination":"l*"
};
