window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["q"]={
"questions":"3"
};
