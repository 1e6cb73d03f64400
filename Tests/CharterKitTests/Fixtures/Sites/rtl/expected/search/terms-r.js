window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["r"]={
"resolution":"n*"
};
