window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["g"]={
"governance":"f*"
};
