window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["k"]={
"keeps":"c"
};
