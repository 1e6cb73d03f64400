window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["l"]={
"lead":"6",
"leadership":"k*",
"least":"9,1,4",
"left":"e",
"listening":"1*,1,7",
"listens":"9"
};
