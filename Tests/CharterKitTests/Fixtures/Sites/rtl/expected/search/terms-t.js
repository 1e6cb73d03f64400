window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["t"]={
"technology":"j*",
"training":"i*"
};
