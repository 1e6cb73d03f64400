window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["b"]={
"best":"g*",
"best-practice":"g*"
};
