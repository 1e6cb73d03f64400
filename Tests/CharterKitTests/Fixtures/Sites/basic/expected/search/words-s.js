var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["s"]=[
"staff","strategy","support","set","sets","shaping","sources","safely","say","see","separate","serve","serves","settles","share","shareable","social","source","spaces","sponsor","spreads","stand","start","steady","steers","strategic","strategies","sustained"
];
