var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[9]=[
["הדרכה","responsibilities/training.html","תחום אחריות","מלמד את העובדים להשתתף היטב ובבטחה.",""],
["טכנולוגיה","responsibilities/technology.html","תחום אחריות","בוחר, מפעיל ומשלב את הפלטפורמות והכלים.",""]
];
