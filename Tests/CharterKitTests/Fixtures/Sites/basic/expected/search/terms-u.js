window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["u"]={
"under":"e",
"up":"9",
"use":"9"
};
