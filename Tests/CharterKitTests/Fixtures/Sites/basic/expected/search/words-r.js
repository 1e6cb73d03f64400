var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["r"]=[
"responsible","risk","run","runs","reaches","reading","registered","remains","removes","research","resolution","responsibility","review","reyes","rights","risks","rolled"
];
