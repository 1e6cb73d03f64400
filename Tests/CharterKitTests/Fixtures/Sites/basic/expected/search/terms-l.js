window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["l"]={
"lead":"6",
"leadership":"i*",
"least":"7,1,3",
"left":"c",
"listening":"1*,1,5",
"listens":"7"
};
