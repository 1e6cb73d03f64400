var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["t"]=[
"team","take","takes","taken","taking","teach","teaches","teams","technology","tend","tickets","tied","tip","tools","training","transparently","turn","turns","twelve","two"
];
