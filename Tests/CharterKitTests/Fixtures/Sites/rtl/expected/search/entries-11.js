var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[11]=[
["עיצוב השיח","responsibilities/conversation-shaping.html","תחום אחריות","משתתף בשיחות עם לקוחות ושותפים ומכוון אותן.",""],
["יישוב מחלוקות","responsibilities/conflict-resolution.html","תחום אחריות","מיישב מחלוקות ומטפל בשיחות שמשתבשות.",""]
];
