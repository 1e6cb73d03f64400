window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["p"]={
"panel":"7*",
"planning":"1*,8*",
"practice":"g*",
"presence":"a*"
};
