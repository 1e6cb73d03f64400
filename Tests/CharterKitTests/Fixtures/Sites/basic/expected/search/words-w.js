var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["w"]=[
"works","way","ways","weekly","well","whole","why","within","words","work","working","wrong"
];
