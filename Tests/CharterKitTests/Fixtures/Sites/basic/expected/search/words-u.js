var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["u"]=[
"under","up","use"
];
