window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["u"]={
"under":"d",
"up":"8",
"use":"8"
};
