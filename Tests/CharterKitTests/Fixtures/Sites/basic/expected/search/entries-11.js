var s=window.charterSearch=window.charterSearch||{};(s.entries=s.entries||{})[11]=[
["Conversation Shaping","responsibilities/conversation-shaping.html","responsibility","Takes part in and guides conversations with customers and partners.",""],
["Conflict Resolution","responsibilities/conflict-resolution.html","responsibility","Settles disputes and handles conversations that go wrong.",""]
];
