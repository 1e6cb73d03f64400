window.charterSearch=window.charterSearch||{terms:{}};window.charterSearch.terms["v"]={
"voice":"h"
};
