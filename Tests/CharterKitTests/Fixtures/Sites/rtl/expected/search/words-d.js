var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["d"]=[
"direction","dissemination"
];
