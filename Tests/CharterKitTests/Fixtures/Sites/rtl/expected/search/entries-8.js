var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[8]=[
["שיטות עבודה מומלצות","responsibilities/best-practice.html","תחום אחריות","אוסף את מה שעובד ומפיץ אותו בין הצוותים.",""],
["הכוונת תוכן","responsibilities/content-direction.html","תחום אחריות","מחליט מה מתפרסם, באיזה קול ומתי.",""]
];
