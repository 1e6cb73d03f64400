window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["y"]={
"years":"8",
"yet":"a"
};
