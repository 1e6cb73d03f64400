window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["l"]={
"lead":"6",
"leadership":"j*",
"least":"8,1,4",
"left":"d",
"listening":"1*,1,6",
"listens":"8"
};
