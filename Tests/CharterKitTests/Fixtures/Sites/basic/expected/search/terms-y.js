window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["y"]={
"years":"7",
"yet":"9"
};
