window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["h"]={
"hub":"5*"
};
