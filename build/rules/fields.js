"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.amount = amount;
exports.share = share;
exports.count = count;
exports.requiredCount = requiredCount;
exports.yesNo = yesNo;
exports.score = score;
function amount(id, label, unit, aliases = []) {
    return { id, label, unit, kind: 'amount', aliases, optional: false };
}
function share(id, label, aliases = []) {
    return { id, label, unit: '', kind: 'share', aliases, optional: false };
}
/** A count of items; blank means none (0), as the points rules count what is there. */
function count(id, label, counter, aliases = []) {
    return { id, label, unit: counter, counter, kind: 'count', aliases, optional: true, defaultValue: 0 };
}
/** A required count (e.g. late reports: a blank is not the same as "none"). */
function requiredCount(id, label, counter, aliases = []) {
    return { id, label, unit: counter, counter, kind: 'count', aliases, optional: false };
}
/** 是/否; blank means 否. */
function yesNo(id, label, aliases = []) {
    return { id, label, unit: '', kind: 'yesno', aliases, optional: true, defaultValue: 0 };
}
function score(id, label, aliases = []) {
    return { id, label, unit: '分', kind: 'score', aliases, optional: false };
}
