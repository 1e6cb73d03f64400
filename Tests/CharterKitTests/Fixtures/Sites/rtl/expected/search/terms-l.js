window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["l"]={
"leadership":"k*",
"listening":"1*"
};
