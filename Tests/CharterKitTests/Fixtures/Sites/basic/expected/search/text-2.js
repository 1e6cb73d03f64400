window.charterSearch=window.charterSearch||{terms:{}};(window.charterSearch.text=window.charterSearch.text||{})[2]=[
"",
"",
"",
"",
"",
""
];
