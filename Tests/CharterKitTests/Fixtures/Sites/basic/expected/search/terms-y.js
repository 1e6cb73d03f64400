window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["y"]={
"yet":"8"
};
