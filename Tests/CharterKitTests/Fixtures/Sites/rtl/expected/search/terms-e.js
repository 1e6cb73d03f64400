window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["e"]={
"engagement":"b*",
"executive":"4*"
};
