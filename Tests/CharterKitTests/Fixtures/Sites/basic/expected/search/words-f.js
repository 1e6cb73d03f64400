var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["f"]=[
"fewer","first","faster","few","fifth","findings","fixture","focus","formalised","formalized"
];
