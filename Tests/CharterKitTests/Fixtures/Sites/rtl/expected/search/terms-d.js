window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["d"]={
"direction":"h*",
"dissemination":"l*"
};
