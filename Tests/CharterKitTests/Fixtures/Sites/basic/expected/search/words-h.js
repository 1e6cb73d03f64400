var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["h"]=[
"hub","halved","handles","head","heard","hold","hour","how"
];
