var s=window.charterSearch=window.charterSearch||{};(s.words=s.words||{})["m"]=[
"market","member","management","manages","matrix","matters","members","moderator"
];
