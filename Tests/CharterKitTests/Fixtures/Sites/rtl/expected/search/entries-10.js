var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[10]=[
["מנהיגות","responsibilities/leadership.html","תחום אחריות","מקדם את האסטרטגיה ומסיר מכשולים.",""],
["הפצת תובנות","responsibilities/insight-dissemination.html","תחום אחריות","הופך את מה שנשמע לממצאים ומעביר אותם לאנשים שפועלים על פיהם.",""]
];
