window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["u"]={
"under":"f",
"up":"a",
"use":"a"
};
