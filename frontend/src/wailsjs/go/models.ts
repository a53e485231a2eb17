export namespace actor {
	
	export class Actor {
	    id: string;
	    name: string;
	    role: string;
	
	    static createFrom(source: any = {}) {
	        return new Actor(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.role = source["role"];
	    }
	}

}

export namespace app {
	
	export class About {
	    app: string;
	    go: string;
	    wails: string;
	    sqlite: string;
	    multiCipher: string;
	    cipher: string;
	    dataDir: string;
	
	    static createFrom(source: any = {}) {
	        return new About(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.app = source["app"];
	        this.go = source["go"];
	        this.wails = source["wails"];
	        this.sqlite = source["sqlite"];
	        this.multiCipher = source["multiCipher"];
	        this.cipher = source["cipher"];
	        this.dataDir = source["dataDir"];
	    }
	}
	export class AccessFile {
	    fileName: string;
	    mimeType: string;
	    contentBase64: string;
	    result: privacy.AccessResult;
	
	    static createFrom(source: any = {}) {
	        return new AccessFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.mimeType = source["mimeType"];
	        this.contentBase64 = source["contentBase64"];
	        this.result = this.convertValues(source["result"], privacy.AccessResult);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CannedList {
	    replies: helpdesk.Canned[];
	
	    static createFrom(source: any = {}) {
	        return new CannedList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.replies = this.convertValues(source["replies"], helpdesk.Canned);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportPath {
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportPath(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	    }
	}
	export class ExportSetup {
	    catalogue: exports.Field[];
	    sources: exports.SourceRef[];
	
	    static createFrom(source: any = {}) {
	        return new ExportSetup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.catalogue = this.convertValues(source["catalogue"], exports.Field);
	        this.sources = this.convertValues(source["sources"], exports.SourceRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FrozenListFile {
	    fileName: string;
	    content: string;
	
	    static createFrom(source: any = {}) {
	        return new FrozenListFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.content = source["content"];
	    }
	}
	export class MailboxList {
	    mailboxes: mail.Mailbox[];
	
	    static createFrom(source: any = {}) {
	        return new MailboxList(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mailboxes = this.convertValues(source["mailboxes"], mail.Mailbox);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MessageView {
	    html: string;
	    document: string;
	    remoteImages: number;
	    remoteShown: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MessageView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.html = source["html"];
	        this.document = source["document"];
	        this.remoteImages = source["remoteImages"];
	        this.remoteShown = source["remoteShown"];
	    }
	}
	export class PrivacyRequests {
	    open: boolean;
	    requests: privacy.Request[];
	
	    static createFrom(source: any = {}) {
	        return new PrivacyRequests(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.open = source["open"];
	        this.requests = this.convertValues(source["requests"], privacy.Request);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RetentionView {
	    dueNow: privacy.RetentionReport;
	    hasRun: boolean;
	    lastRun: privacy.RetentionReport;
	
	    static createFrom(source: any = {}) {
	        return new RetentionView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dueNow = this.convertValues(source["dueNow"], privacy.RetentionReport);
	        this.hasRun = source["hasRun"];
	        this.lastRun = this.convertValues(source["lastRun"], privacy.RetentionReport);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RoleOption {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new RoleOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class SessionState {
	    unlocked: boolean;
	    operator: actor.Actor;
	    operatorNames: string[];
	    defaultOperator: string;
	    dataDir: string;
	    autoLockMinutes: number;
	    demoPassphrase: string;
	
	    static createFrom(source: any = {}) {
	        return new SessionState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unlocked = source["unlocked"];
	        this.operator = this.convertValues(source["operator"], actor.Actor);
	        this.operatorNames = source["operatorNames"];
	        this.defaultOperator = source["defaultOperator"];
	        this.dataDir = source["dataDir"];
	        this.autoLockMinutes = source["autoLockMinutes"];
	        this.demoPassphrase = source["demoPassphrase"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SettingsView {
	    autoLockMinutes: number;
	
	    static createFrom(source: any = {}) {
	        return new SettingsView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.autoLockMinutes = source["autoLockMinutes"];
	    }
	}
	export class SurveyWorkbook {
	    fileName: string;
	    contentBase64: string;
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new SurveyWorkbook(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.contentBase64 = source["contentBase64"];
	        this.rows = source["rows"];
	    }
	}

}

export namespace audit {
	
	export class Entry {
	    id: number;
	    // Go type: time
	    at: any;
	    operatorId: string;
	    operatorName: string;
	    action: string;
	    objectType: string;
	    objectId: string;
	    details: {[key: string]: string};
	    hash: string;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = this.convertValues(source["at"], null);
	        this.operatorId = source["operatorId"];
	        this.operatorName = source["operatorName"];
	        this.action = source["action"];
	        this.objectType = source["objectType"];
	        this.objectId = source["objectId"];
	        this.details = source["details"];
	        this.hash = source["hash"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OperatorRef {
	    id: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new OperatorRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class Facets {
	    actions: string[];
	    operators: OperatorRef[];
	
	    static createFrom(source: any = {}) {
	        return new Facets(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.actions = source["actions"];
	        this.operators = this.convertValues(source["operators"], OperatorRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Filter {
	    action: string;
	    operatorId: string;
	    objectType: string;
	    objectId: string;
	    // Go type: time
	    from: any;
	    // Go type: time
	    to: any;
	    before: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.action = source["action"];
	        this.operatorId = source["operatorId"];
	        this.objectType = source["objectType"];
	        this.objectId = source["objectId"];
	        this.from = this.convertValues(source["from"], null);
	        this.to = this.convertValues(source["to"], null);
	        this.before = source["before"];
	        this.limit = source["limit"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Page {
	    entries: Entry[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = this.convertValues(source["entries"], Entry);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class VerifyResult {
	    ok: boolean;
	    entries: number;
	    badEntry: number;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new VerifyResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.entries = source["entries"];
	        this.badEntry = source["badEntry"];
	        this.problem = source["problem"];
	    }
	}

}

export namespace competitions {
	
	export class Certificate {
	    fileName: string;
	    html: string;
	    listFileName: string;
	    listHash: string;
	
	    static createFrom(source: any = {}) {
	        return new Certificate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.fileName = source["fileName"];
	        this.html = source["html"];
	        this.listFileName = source["listFileName"];
	        this.listHash = source["listHash"];
	    }
	}
	export class Counts {
	    entries: number;
	    eligible: number;
	    ineligible: number;
	    duplicates: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = source["entries"];
	        this.eligible = source["eligible"];
	        this.ineligible = source["ineligible"];
	        this.duplicates = source["duplicates"];
	    }
	}
	export class Rules {
	    minAge: number;
	    countries: string[];
	    excludedDomains: string[];
	    pastWinnerMonths: number;
	    onePerHousehold: boolean;
	    weighted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Rules(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.minAge = source["minAge"];
	        this.countries = source["countries"];
	        this.excludedDomains = source["excludedDomains"];
	        this.pastWinnerMonths = source["pastWinnerMonths"];
	        this.onePerHousehold = source["onePerHousehold"];
	        this.weighted = source["weighted"];
	    }
	}
	export class Details {
	    title: string;
	    sponsor: string;
	    prize: string;
	    // Go type: time
	    opensAt: any;
	    // Go type: time
	    closesAt: any;
	    question: string;
	    answer: string;
	    winners: number;
	    reserves: number;
	    claimDays: number;
	    retentionDays: number;
	    rules: Rules;
	
	    static createFrom(source: any = {}) {
	        return new Details(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.sponsor = source["sponsor"];
	        this.prize = source["prize"];
	        this.opensAt = this.convertValues(source["opensAt"], null);
	        this.closesAt = this.convertValues(source["closesAt"], null);
	        this.question = source["question"];
	        this.answer = source["answer"];
	        this.winners = source["winners"];
	        this.reserves = source["reserves"];
	        this.claimDays = source["claimDays"];
	        this.retentionDays = source["retentionDays"];
	        this.rules = this.convertValues(source["rules"], Rules);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Competition {
	    id: string;
	    status: string;
	    details: Details;
	    counts: Counts;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    // Go type: time
	    purgeDue: any;
	
	    static createFrom(source: any = {}) {
	        return new Competition(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.status = source["status"];
	        this.details = this.convertValues(source["details"], Details);
	        this.counts = this.convertValues(source["counts"], Counts);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.purgeDue = this.convertValues(source["purgeDue"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class ReasonCount {
	    reason: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new ReasonCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reason = source["reason"];
	        this.count = source["count"];
	    }
	}
	export class DrawCounts {
	    entries: number;
	    invalid: number;
	    duplicates: ReasonCount[];
	    ineligible: ReasonCount[];
	    eligible: number;
	
	    static createFrom(source: any = {}) {
	        return new DrawCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entries = source["entries"];
	        this.invalid = source["invalid"];
	        this.duplicates = this.convertValues(source["duplicates"], ReasonCount);
	        this.ineligible = this.convertValues(source["ineligible"], ReasonCount);
	        this.eligible = source["eligible"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DrawState {
	    competitionId: string;
	    status: string;
	    committed: boolean;
	    algorithm: string;
	    listHash: string;
	    commitment: string;
	    entries: number;
	    totalWeight: number;
	    counts: DrawCounts;
	    // Go type: time
	    committedAt: any;
	    committedBy: string;
	    publicValue: string;
	    // Go type: time
	    publicValueAt: any;
	    drawn: boolean;
	    // Go type: time
	    drawnAt: any;
	    drawnBy: string;
	    seed: string;
	    winners: string[];
	    reserves: string[];
	    notice: string;
	
	    static createFrom(source: any = {}) {
	        return new DrawState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.competitionId = source["competitionId"];
	        this.status = source["status"];
	        this.committed = source["committed"];
	        this.algorithm = source["algorithm"];
	        this.listHash = source["listHash"];
	        this.commitment = source["commitment"];
	        this.entries = source["entries"];
	        this.totalWeight = source["totalWeight"];
	        this.counts = this.convertValues(source["counts"], DrawCounts);
	        this.committedAt = this.convertValues(source["committedAt"], null);
	        this.committedBy = source["committedBy"];
	        this.publicValue = source["publicValue"];
	        this.publicValueAt = this.convertValues(source["publicValueAt"], null);
	        this.drawn = source["drawn"];
	        this.drawnAt = this.convertValues(source["drawnAt"], null);
	        this.drawnBy = source["drawnBy"];
	        this.seed = source["seed"];
	        this.winners = source["winners"];
	        this.reserves = source["reserves"];
	        this.notice = source["notice"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DuplicateGroup {
	    kept: string;
	    setAside: string[];
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new DuplicateGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kept = source["kept"];
	        this.setAside = source["setAside"];
	        this.reason = source["reason"];
	    }
	}
	export class EmailDraft {
	    place: number;
	    entryId: string;
	    to: string;
	    subject: string;
	    body: string;
	
	    static createFrom(source: any = {}) {
	        return new EmailDraft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.place = source["place"];
	        this.entryId = source["entryId"];
	        this.to = source["to"];
	        this.subject = source["subject"];
	        this.body = source["body"];
	    }
	}
	export class FolderLink {
	    competitionId: string;
	    mailbox: string;
	    folder: string;
	
	    static createFrom(source: any = {}) {
	        return new FolderLink(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.competitionId = source["competitionId"];
	        this.mailbox = source["mailbox"];
	        this.folder = source["folder"];
	    }
	}
	export class InvalidRow {
	    line: number;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new InvalidRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.problem = source["problem"];
	    }
	}
	export class IneligibleEntry {
	    entryId: string;
	    line: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new IneligibleEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entryId = source["entryId"];
	        this.line = source["line"];
	        this.reason = source["reason"];
	    }
	}
	export class ImportReport {
	    id: number;
	    fileName: string;
	    format: string;
	    // Go type: time
	    at: any;
	    operator: string;
	    rows: number;
	    accepted: number;
	    duplicates: number;
	    ineligible: number;
	    invalid: number;
	    byReason: ReasonCount[];
	    groups: DuplicateGroup[];
	    ineligibles: IneligibleEntry[];
	    invalidRows: InvalidRow[];
	    truncated: boolean;
	    totals: Counts;
	
	    static createFrom(source: any = {}) {
	        return new ImportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.fileName = source["fileName"];
	        this.format = source["format"];
	        this.at = this.convertValues(source["at"], null);
	        this.operator = source["operator"];
	        this.rows = source["rows"];
	        this.accepted = source["accepted"];
	        this.duplicates = source["duplicates"];
	        this.ineligible = source["ineligible"];
	        this.invalid = source["invalid"];
	        this.byReason = this.convertValues(source["byReason"], ReasonCount);
	        this.groups = this.convertValues(source["groups"], DuplicateGroup);
	        this.ineligibles = this.convertValues(source["ineligibles"], IneligibleEntry);
	        this.invalidRows = this.convertValues(source["invalidRows"], InvalidRow);
	        this.truncated = source["truncated"];
	        this.totals = this.convertValues(source["totals"], Counts);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class NotifyResult {
	    queued: number;
	    alreadyQueued: number;
	    drafts: EmailDraft[];
	    mailbox: boolean;
	
	    static createFrom(source: any = {}) {
	        return new NotifyResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.queued = source["queued"];
	        this.alreadyQueued = source["alreadyQueued"];
	        this.drafts = this.convertValues(source["drafts"], EmailDraft);
	        this.mailbox = source["mailbox"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Place {
	    seq: number;
	    place: number;
	    entryId: string;
	    reserveRank: number;
	    status: string;
	    reason: string;
	    // Go type: time
	    assignedAt: any;
	    // Go type: time
	    deadline: any;
	    firstName: string;
	    surname: string;
	    email: string;
	    county: string;
	    optIn: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Place(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.place = source["place"];
	        this.entryId = source["entryId"];
	        this.reserveRank = source["reserveRank"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.assignedAt = this.convertValues(source["assignedAt"], null);
	        this.deadline = this.convertValues(source["deadline"], null);
	        this.firstName = source["firstName"];
	        this.surname = source["surname"];
	        this.email = source["email"];
	        this.county = source["county"];
	        this.optIn = source["optIn"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PublicWinner {
	    place: number;
	    initial: string;
	    surname: string;
	    county: string;
	
	    static createFrom(source: any = {}) {
	        return new PublicWinner(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.place = source["place"];
	        this.initial = source["initial"];
	        this.surname = source["surname"];
	        this.county = source["county"];
	    }
	}
	export class PurgeResult {
	    competitionId: string;
	    entries: number;
	
	    static createFrom(source: any = {}) {
	        return new PurgeResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.competitionId = source["competitionId"];
	        this.entries = source["entries"];
	    }
	}
	
	
	export class Winners {
	    competition: Competition;
	    places: Place[];
	    drafts: EmailDraft[];
	    public: PublicWinner[];
	    reasons: string[];
	    notified: {[key: number]: string};
	
	    static createFrom(source: any = {}) {
	        return new Winners(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.competition = this.convertValues(source["competition"], Competition);
	        this.places = this.convertValues(source["places"], Place);
	        this.drafts = this.convertValues(source["drafts"], EmailDraft);
	        this.public = this.convertValues(source["public"], PublicWinner);
	        this.reasons = source["reasons"];
	        this.notified = source["notified"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace exports {
	
	export class Exclusion {
	    reason: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Exclusion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reason = source["reason"];
	        this.count = source["count"];
	    }
	}
	export class Field {
	    key: string;
	    label: string;
	    help: string;
	
	    static createFrom(source: any = {}) {
	        return new Field(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.help = source["help"];
	    }
	}
	export class SourceRef {
	    kind: string;
	    id: string;
	    title: string;
	
	    static createFrom(source: any = {}) {
	        return new SourceRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.title = source["title"];
	    }
	}
	export class Partner {
	    id: string;
	    name: string;
	    contactName: string;
	    contactEmail: string;
	    fields: string[];
	    sources: SourceRef[];
	    purpose: string;
	
	    static createFrom(source: any = {}) {
	        return new Partner(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.contactName = source["contactName"];
	        this.contactEmail = source["contactEmail"];
	        this.fields = source["fields"];
	        this.sources = this.convertValues(source["sources"], SourceRef);
	        this.purpose = source["purpose"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PartnerInput {
	    name: string;
	    contactName: string;
	    contactEmail: string;
	    fields: string[];
	    sources: SourceRef[];
	
	    static createFrom(source: any = {}) {
	        return new PartnerInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.contactName = source["contactName"];
	        this.contactEmail = source["contactEmail"];
	        this.fields = source["fields"];
	        this.sources = this.convertValues(source["sources"], SourceRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Request {
	    id: number;
	    partnerId: string;
	    partnerName: string;
	    source: SourceRef;
	    fields: string[];
	    note: string;
	    status: string;
	    purpose: string;
	    requestedById: string;
	    requestedBy: string;
	    // Go type: time
	    requestedAt: any;
	    decidedBy: string;
	    // Go type: time
	    decidedAt: any;
	    refusal: string;
	    ranBy: string;
	    // Go type: time
	    ranAt: any;
	    fileName: string;
	    sha256: string;
	    rows: number;
	    excluded: Exclusion[];
	    encrypted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.partnerId = source["partnerId"];
	        this.partnerName = source["partnerName"];
	        this.source = this.convertValues(source["source"], SourceRef);
	        this.fields = source["fields"];
	        this.note = source["note"];
	        this.status = source["status"];
	        this.purpose = source["purpose"];
	        this.requestedById = source["requestedById"];
	        this.requestedBy = source["requestedBy"];
	        this.requestedAt = this.convertValues(source["requestedAt"], null);
	        this.decidedBy = source["decidedBy"];
	        this.decidedAt = this.convertValues(source["decidedAt"], null);
	        this.refusal = source["refusal"];
	        this.ranBy = source["ranBy"];
	        this.ranAt = this.convertValues(source["ranAt"], null);
	        this.fileName = source["fileName"];
	        this.sha256 = source["sha256"];
	        this.rows = source["rows"];
	        this.excluded = this.convertValues(source["excluded"], Exclusion);
	        this.encrypted = source["encrypted"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RequestInput {
	    partnerId: string;
	    source: SourceRef;
	    fields: string[];
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new RequestInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.partnerId = source["partnerId"];
	        this.source = this.convertValues(source["source"], SourceRef);
	        this.fields = source["fields"];
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RunResult {
	    request: Request;
	    file: string;
	    rows: number;
	    sheets: number;
	    sha256: string;
	    password: string;
	    excluded: Exclusion[];
	
	    static createFrom(source: any = {}) {
	        return new RunResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.request = this.convertValues(source["request"], Request);
	        this.file = source["file"];
	        this.rows = source["rows"];
	        this.sheets = source["sheets"];
	        this.sha256 = source["sha256"];
	        this.password = source["password"];
	        this.excluded = this.convertValues(source["excluded"], Exclusion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace helpdesk {
	
	export class AttachmentData {
	    filename: string;
	    contentType: string;
	    data: number[];
	
	    static createFrom(source: any = {}) {
	        return new AttachmentData(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.filename = source["filename"];
	        this.contentType = source["contentType"];
	        this.data = source["data"];
	    }
	}
	export class Canned {
	    id: number;
	    title: string;
	    body: string;
	
	    static createFrom(source: any = {}) {
	        return new Canned(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.body = source["body"];
	    }
	}
	export class Change {
	    status?: string;
	    assigneeId?: string;
	    priority?: string;
	    addTags: string[];
	    removeTags: string[];
	    sensitive?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.assigneeId = source["assigneeId"];
	        this.priority = source["priority"];
	        this.addTags = source["addTags"];
	        this.removeTags = source["removeTags"];
	        this.sensitive = source["sensitive"];
	    }
	}
	export class State {
	    status: string;
	    assigneeId: string;
	    priority: string;
	
	    static createFrom(source: any = {}) {
	        return new State(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.assigneeId = source["assigneeId"];
	        this.priority = source["priority"];
	    }
	}
	export class Conflict {
	    id: number;
	    // Go type: time
	    at: any;
	    mine: State;
	    theirs: State;
	
	    static createFrom(source: any = {}) {
	        return new Conflict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = this.convertValues(source["at"], null);
	        this.mine = this.convertValues(source["mine"], State);
	        this.theirs = this.convertValues(source["theirs"], State);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Counts {
	    new: number;
	    open: number;
	    pending: number;
	    solved: number;
	    closed: number;
	    mine: number;
	    all: number;
	
	    static createFrom(source: any = {}) {
	        return new Counts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.new = source["new"];
	        this.open = source["open"];
	        this.pending = source["pending"];
	        this.solved = source["solved"];
	        this.closed = source["closed"];
	        this.mine = source["mine"];
	        this.all = source["all"];
	    }
	}
	export class Filter {
	    status: string;
	    assigneeId: string;
	    tag: string;
	    mailbox: string;
	    query: string;
	    // Go type: time
	    since: any;
	    // Go type: time
	    until: any;
	    sensitive?: boolean;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.assigneeId = source["assigneeId"];
	        this.tag = source["tag"];
	        this.mailbox = source["mailbox"];
	        this.query = source["query"];
	        this.since = this.convertValues(source["since"], null);
	        this.until = this.convertValues(source["until"], null);
	        this.sensitive = source["sensitive"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TicketSummary {
	    id: number;
	    subject: string;
	    requester: message.Address;
	    status: string;
	    priority: string;
	    assigneeId: string;
	    assigneeName: string;
	    tags: string[];
	    mailbox: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    messages: number;
	    sensitive: boolean;
	    snippet: string;
	    conflict: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TicketSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.subject = source["subject"];
	        this.requester = this.convertValues(source["requester"], message.Address);
	        this.status = source["status"];
	        this.priority = source["priority"];
	        this.assigneeId = source["assigneeId"];
	        this.assigneeName = source["assigneeName"];
	        this.tags = source["tags"];
	        this.mailbox = source["mailbox"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.messages = source["messages"];
	        this.sensitive = source["sensitive"];
	        this.snippet = source["snippet"];
	        this.conflict = source["conflict"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Page {
	    tickets: TicketSummary[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tickets = this.convertValues(source["tickets"], TicketSummary);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReplyInput {
	    text: string;
	    status: string;
	
	    static createFrom(source: any = {}) {
	        return new ReplyInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.status = source["status"];
	    }
	}
	
	export class ThreadItem {
	    id: number;
	    kind: string;
	    from: message.Address;
	    to: message.Address[];
	    cc: message.Address[];
	    // Go type: time
	    date: any;
	    text: string;
	    hasHtml: boolean;
	    attachments: message.Attachment[];
	    warnings: string[];
	    delivery: string;
	    author: string;
	
	    static createFrom(source: any = {}) {
	        return new ThreadItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.from = this.convertValues(source["from"], message.Address);
	        this.to = this.convertValues(source["to"], message.Address);
	        this.cc = this.convertValues(source["cc"], message.Address);
	        this.date = this.convertValues(source["date"], null);
	        this.text = source["text"];
	        this.hasHtml = source["hasHtml"];
	        this.attachments = this.convertValues(source["attachments"], message.Attachment);
	        this.warnings = source["warnings"];
	        this.delivery = source["delivery"];
	        this.author = source["author"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Ticket {
	    id: number;
	    subject: string;
	    requester: message.Address;
	    status: string;
	    priority: string;
	    assigneeId: string;
	    assigneeName: string;
	    tags: string[];
	    mailbox: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    messages: number;
	    sensitive: boolean;
	    snippet: string;
	    conflict: boolean;
	    thread: ThreadItem[];
	    sharedState: boolean;
	    conflicts: Conflict[];
	
	    static createFrom(source: any = {}) {
	        return new Ticket(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.subject = source["subject"];
	        this.requester = this.convertValues(source["requester"], message.Address);
	        this.status = source["status"];
	        this.priority = source["priority"];
	        this.assigneeId = source["assigneeId"];
	        this.assigneeName = source["assigneeName"];
	        this.tags = source["tags"];
	        this.mailbox = source["mailbox"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.messages = source["messages"];
	        this.sensitive = source["sensitive"];
	        this.snippet = source["snippet"];
	        this.conflict = source["conflict"];
	        this.thread = this.convertValues(source["thread"], ThreadItem);
	        this.sharedState = source["sharedState"];
	        this.conflicts = this.convertValues(source["conflicts"], Conflict);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace mail {
	
	export class FolderStatus {
	    name: string;
	    messages: number;
	
	    static createFrom(source: any = {}) {
	        return new FolderStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.messages = source["messages"];
	    }
	}
	export class Mailbox {
	    id: number;
	    name: string;
	    host: string;
	    port: number;
	    security: string;
	    user: string;
	    folders: string[];
	    allowInsecure: boolean;
	    smtpHost: string;
	    smtpPort: number;
	    smtpSecurity: string;
	    from: string;
	    sentFolder: string;
	    keywordsSupported?: boolean;
	    messages: number;
	    // Go type: time
	    lastSync: any;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Mailbox(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.host = source["host"];
	        this.port = source["port"];
	        this.security = source["security"];
	        this.user = source["user"];
	        this.folders = source["folders"];
	        this.allowInsecure = source["allowInsecure"];
	        this.smtpHost = source["smtpHost"];
	        this.smtpPort = source["smtpPort"];
	        this.smtpSecurity = source["smtpSecurity"];
	        this.from = source["from"];
	        this.sentFolder = source["sentFolder"];
	        this.keywordsSupported = source["keywordsSupported"];
	        this.messages = source["messages"];
	        this.lastSync = this.convertValues(source["lastSync"], null);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MailboxInput {
	    name: string;
	    host: string;
	    port: number;
	    security: string;
	    user: string;
	    password: string;
	    folders: string[];
	    allowInsecure: boolean;
	    smtpHost: string;
	    smtpPort: number;
	    smtpSecurity: string;
	    from: string;
	
	    static createFrom(source: any = {}) {
	        return new MailboxInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.host = source["host"];
	        this.port = source["port"];
	        this.security = source["security"];
	        this.user = source["user"];
	        this.password = source["password"];
	        this.folders = source["folders"];
	        this.allowInsecure = source["allowInsecure"];
	        this.smtpHost = source["smtpHost"];
	        this.smtpPort = source["smtpPort"];
	        this.smtpSecurity = source["smtpSecurity"];
	        this.from = source["from"];
	    }
	}
	export class OutboxSummary {
	    sent: number;
	    keywords: number;
	    conflicts: number;
	    failed: number;
	    left: number;
	
	    static createFrom(source: any = {}) {
	        return new OutboxSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sent = source["sent"];
	        this.keywords = source["keywords"];
	        this.conflicts = source["conflicts"];
	        this.failed = source["failed"];
	        this.left = source["left"];
	    }
	}
	export class Status {
	    online: boolean;
	    syncing: boolean;
	    outbox: number;
	    // Go type: time
	    lastSync: any;
	    lastError: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.online = source["online"];
	        this.syncing = source["syncing"];
	        this.outbox = source["outbox"];
	        this.lastSync = this.convertValues(source["lastSync"], null);
	        this.lastError = source["lastError"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SyncSummary {
	    mailboxes: number;
	    folders: number;
	    new: number;
	    expunged: number;
	    keywordsChanged: number;
	    resynced: number;
	    outbox: OutboxSummary;
	    errors: string[];
	    seconds: number;
	
	    static createFrom(source: any = {}) {
	        return new SyncSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mailboxes = source["mailboxes"];
	        this.folders = source["folders"];
	        this.new = source["new"];
	        this.expunged = source["expunged"];
	        this.keywordsChanged = source["keywordsChanged"];
	        this.resynced = source["resynced"];
	        this.outbox = this.convertValues(source["outbox"], OutboxSummary);
	        this.errors = source["errors"];
	        this.seconds = source["seconds"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TestResult {
	    mailbox: string;
	    ok: boolean;
	    error: string;
	    capabilities: string[];
	    condStore: boolean;
	    keywordsSupported: boolean;
	    sentFolder: string;
	    folders: FolderStatus[];
	
	    static createFrom(source: any = {}) {
	        return new TestResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mailbox = source["mailbox"];
	        this.ok = source["ok"];
	        this.error = source["error"];
	        this.capabilities = source["capabilities"];
	        this.condStore = source["condStore"];
	        this.keywordsSupported = source["keywordsSupported"];
	        this.sentFolder = source["sentFolder"];
	        this.folders = this.convertValues(source["folders"], FolderStatus);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace message {
	
	export class Address {
	    name: string;
	    email: string;
	
	    static createFrom(source: any = {}) {
	        return new Address(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	    }
	}
	export class Attachment {
	    index: number;
	    filename: string;
	    contentType: string;
	    contentId: string;
	    size: number;
	    inline: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Attachment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.filename = source["filename"];
	        this.contentType = source["contentType"];
	        this.contentId = source["contentId"];
	        this.size = source["size"];
	        this.inline = source["inline"];
	    }
	}

}

export namespace moderation {
	
	export class Count {
	    value: string;
	    label: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Count(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	        this.count = source["count"];
	    }
	}
	export class DecideResult {
	    decided: number;
	    batch: number;
	    decision: string;
	
	    static createFrom(source: any = {}) {
	        return new DecideResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.decided = source["decided"];
	        this.batch = source["batch"];
	        this.decision = source["decision"];
	    }
	}
	export class Decision {
	    seq: number;
	    itemId: string;
	    version: number;
	    decision: string;
	    reason: string;
	    note: string;
	    operator: string;
	    decidedAt: string;
	    undone: boolean;
	    exported: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.itemId = source["itemId"];
	        this.version = source["version"];
	        this.decision = source["decision"];
	        this.reason = source["reason"];
	        this.note = source["note"];
	        this.operator = source["operator"];
	        this.decidedAt = source["decidedAt"];
	        this.undone = source["undone"];
	        this.exported = source["exported"];
	    }
	}
	export class DecisionInput {
	    ids: string[];
	    decision: string;
	    reason: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new DecisionInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ids = source["ids"];
	        this.decision = source["decision"];
	        this.reason = source["reason"];
	        this.note = source["note"];
	    }
	}
	export class FeedItem {
	    id: string;
	    version: number;
	    kind: string;
	    title: string;
	    body: string;
	    contact_name: string;
	    contact_email: string;
	    contact_phone: string;
	    website: string;
	    address: string;
	    postcode: string;
	    submitted_by: string;
	    submitted_by_email: string;
	    submitted_at: string;
	    event_start: string;
	    event_end: string;
	    expires_at: string;
	    parent_id: string;
	
	    static createFrom(source: any = {}) {
	        return new FeedItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.body = source["body"];
	        this.contact_name = source["contact_name"];
	        this.contact_email = source["contact_email"];
	        this.contact_phone = source["contact_phone"];
	        this.website = source["website"];
	        this.address = source["address"];
	        this.postcode = source["postcode"];
	        this.submitted_by = source["submitted_by"];
	        this.submitted_by_email = source["submitted_by_email"];
	        this.submitted_at = source["submitted_at"];
	        this.event_start = source["event_start"];
	        this.event_end = source["event_end"];
	        this.expires_at = source["expires_at"];
	        this.parent_id = source["parent_id"];
	    }
	}
	export class Filter {
	    state: string;
	    kind: string;
	    flag: string;
	    minAgeHours: number;
	    maxAgeHours: number;
	    postcodeArea: string;
	    submitter: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.kind = source["kind"];
	        this.flag = source["flag"];
	        this.minAgeHours = source["minAgeHours"];
	        this.maxAgeHours = source["maxAgeHours"];
	        this.postcodeArea = source["postcodeArea"];
	        this.submitter = source["submitter"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class Match {
	    field: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Match(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.text = source["text"];
	    }
	}
	export class Flag {
	    code: string;
	    label: string;
	    message: string;
	    matches: Match[];
	    related?: string;
	
	    static createFrom(source: any = {}) {
	        return new Flag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.label = source["label"];
	        this.message = source["message"];
	        this.matches = this.convertValues(source["matches"], Match);
	        this.related = source["related"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RetentionResult {
	    listings: number;
	    events: number;
	    reviews: number;
	
	    static createFrom(source: any = {}) {
	        return new RetentionResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.listings = source["listings"];
	        this.events = source["events"];
	        this.reviews = source["reviews"];
	    }
	}
	export class ImportResult {
	    file: string;
	    format: string;
	    read: number;
	    added: number;
	    updated: number;
	    unchanged: number;
	    flagged: number;
	    retention: RetentionResult;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.format = source["format"];
	        this.read = source["read"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.flagged = source["flagged"];
	        this.retention = this.convertValues(source["retention"], RetentionResult);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Item {
	    feed: FeedItem;
	    postcodeArea: string;
	    state: string;
	    flags: Flag[];
	    importedAt: string;
	    ageHours: number;
	    overdue: boolean;
	    lastDecision?: Decision;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.feed = this.convertValues(source["feed"], FeedItem);
	        this.postcodeArea = source["postcodeArea"];
	        this.state = source["state"];
	        this.flags = this.convertValues(source["flags"], Flag);
	        this.importedAt = source["importedAt"];
	        this.ageHours = source["ageHours"];
	        this.overdue = source["overdue"];
	        this.lastDecision = this.convertValues(source["lastDecision"], Decision);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ItemDetail {
	    item: Item;
	    decisions: Decision[];
	
	    static createFrom(source: any = {}) {
	        return new ItemDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = this.convertValues(source["item"], Item);
	        this.decisions = this.convertValues(source["decisions"], Decision);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Option {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class Page {
	    items: Item[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Page(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = this.convertValues(source["items"], Item);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Summary {
	    states: Count[];
	    kinds: Count[];
	    flags: Count[];
	    areas: Count[];
	    overdue: number;
	    unexported: number;
	    reasons: Option[];
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.states = this.convertValues(source["states"], Count);
	        this.kinds = this.convertValues(source["kinds"], Count);
	        this.flags = this.convertValues(source["flags"], Count);
	        this.areas = this.convertValues(source["areas"], Count);
	        this.overdue = source["overdue"];
	        this.unexported = source["unexported"];
	        this.reasons = this.convertValues(source["reasons"], Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Terms {
	    abuseWords: string[];
	    spamDomains: string[];
	
	    static createFrom(source: any = {}) {
	        return new Terms(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.abuseWords = source["abuseWords"];
	        this.spamDomains = source["spamDomains"];
	    }
	}
	export class UndoResult {
	    undone: number;
	    ids: string[];
	    decision: string;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.undone = source["undone"];
	        this.ids = source["ids"];
	        this.decision = source["decision"];
	    }
	}

}

export namespace operators {
	
	export class NewOperator {
	    name: string;
	    email: string;
	    role: string;
	    passphrase: string;
	
	    static createFrom(source: any = {}) {
	        return new NewOperator(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.passphrase = source["passphrase"];
	    }
	}
	export class Operator {
	    id: string;
	    name: string;
	    email: string;
	    role: string;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Operator(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.role = source["role"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace privacy {
	
	export class AccessResult {
	    requestId: number;
	    format: string;
	    areas: number;
	    rows: number;
	    bytes: number;
	    sha256: string;
	
	    static createFrom(source: any = {}) {
	        return new AccessResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.requestId = source["requestId"];
	        this.format = source["format"];
	        this.areas = source["areas"];
	        this.rows = source["rows"];
	        this.bytes = source["bytes"];
	        this.sha256 = source["sha256"];
	    }
	}
	export class ConsentRecord {
	    id: number;
	    email: string;
	    purpose: string;
	    given: boolean;
	    sourceKind: string;
	    sourceRef: string;
	    wording: string;
	    wordingVersion: string;
	    // Go type: time
	    at: any;
	    recordedBy: string;
	    // Go type: time
	    recordedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new ConsentRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.email = source["email"];
	        this.purpose = source["purpose"];
	        this.given = source["given"];
	        this.sourceKind = source["sourceKind"];
	        this.sourceRef = source["sourceRef"];
	        this.wording = source["wording"];
	        this.wordingVersion = source["wordingVersion"];
	        this.at = this.convertValues(source["at"], null);
	        this.recordedBy = source["recordedBy"];
	        this.recordedAt = this.convertValues(source["recordedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ConsentState {
	    purpose: string;
	    inForce: boolean;
	    // Go type: time
	    since: any;
	    recordId: number;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new ConsentState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.purpose = source["purpose"];
	        this.inForce = source["inForce"];
	        this.since = this.convertValues(source["since"], null);
	        this.recordId = source["recordId"];
	        this.source = source["source"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ConsentHistory {
	    email: string;
	    current: ConsentState[];
	    records: ConsentRecord[];
	
	    static createFrom(source: any = {}) {
	        return new ConsentHistory(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.email = source["email"];
	        this.current = this.convertValues(source["current"], ConsentState);
	        this.records = this.convertValues(source["records"], ConsentRecord);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class ErasureCount {
	    area: string;
	    deleted: number;
	    anonymised: number;
	    redacted: number;
	    kept: number;
	    found: number;
	
	    static createFrom(source: any = {}) {
	        return new ErasureCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.area = source["area"];
	        this.deleted = source["deleted"];
	        this.anonymised = source["anonymised"];
	        this.redacted = source["redacted"];
	        this.kept = source["kept"];
	        this.found = source["found"];
	    }
	}
	export class ErasureReport {
	    dryRun: boolean;
	    requestId: number;
	    personRef: string;
	    areas: ErasureCount[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new ErasureReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dryRun = source["dryRun"];
	        this.requestId = source["requestId"];
	        this.personRef = source["personRef"];
	        this.areas = this.convertValues(source["areas"], ErasureCount);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Request {
	    id: number;
	    kind: string;
	    person: string;
	    note: string;
	    // Go type: time
	    receivedAt: any;
	    // Go type: time
	    dueAt: any;
	    createdBy: string;
	    done: boolean;
	    // Go type: time
	    doneAt: any;
	    doneBy: string;
	    outcome: string;
	    daysLeft: number;
	    overdue: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.person = source["person"];
	        this.note = source["note"];
	        this.receivedAt = this.convertValues(source["receivedAt"], null);
	        this.dueAt = this.convertValues(source["dueAt"], null);
	        this.createdBy = source["createdBy"];
	        this.done = source["done"];
	        this.doneAt = this.convertValues(source["doneAt"], null);
	        this.doneBy = source["doneBy"];
	        this.outcome = source["outcome"];
	        this.daysLeft = source["daysLeft"];
	        this.overdue = source["overdue"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RequestInput {
	    kind: string;
	    person: string;
	    // Go type: time
	    receivedAt: any;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new RequestInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.person = source["person"];
	        this.receivedAt = this.convertValues(source["receivedAt"], null);
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RetentionLine {
	    category: string;
	    period: string;
	    reason: string;
	    action: string;
	    due: number;
	    done: number;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new RetentionLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.category = source["category"];
	        this.period = source["period"];
	        this.reason = source["reason"];
	        this.action = source["action"];
	        this.due = source["due"];
	        this.done = source["done"];
	        this.source = source["source"];
	    }
	}
	export class RetentionReport {
	    // Go type: time
	    at: any;
	    dryRun: boolean;
	    trigger: string;
	    lines: RetentionLine[];
	    due: number;
	    done: number;
	
	    static createFrom(source: any = {}) {
	        return new RetentionReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = this.convertValues(source["at"], null);
	        this.dryRun = source["dryRun"];
	        this.trigger = source["trigger"];
	        this.lines = this.convertValues(source["lines"], RetentionLine);
	        this.due = source["due"];
	        this.done = source["done"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Unsubscribe {
	    id: number;
	    email: string;
	    list: string;
	    source: string;
	    // Go type: time
	    requestedAt: any;
	    // Go type: time
	    dueAt: any;
	    ageHours: number;
	    overdue: boolean;
	    recordedBy: string;
	    // Go type: time
	    doneAt: any;
	    doneBy: string;
	
	    static createFrom(source: any = {}) {
	        return new Unsubscribe(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.email = source["email"];
	        this.list = source["list"];
	        this.source = source["source"];
	        this.requestedAt = this.convertValues(source["requestedAt"], null);
	        this.dueAt = this.convertValues(source["dueAt"], null);
	        this.ageHours = source["ageHours"];
	        this.overdue = source["overdue"];
	        this.recordedBy = source["recordedBy"];
	        this.doneAt = this.convertValues(source["doneAt"], null);
	        this.doneBy = source["doneBy"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UnsubscribeInput {
	    email: string;
	    list: string;
	    sourceKind: string;
	    sourceRef: string;
	    // Go type: time
	    requestedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new UnsubscribeInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.email = source["email"];
	        this.list = source["list"];
	        this.sourceKind = source["sourceKind"];
	        this.sourceRef = source["sourceRef"];
	        this.requestedAt = this.convertValues(source["requestedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace surveys {
	
	export class AnswerProblem {
	    line: number;
	    column: number;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new AnswerProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.column = source["column"];
	        this.problem = source["problem"];
	    }
	}
	export class Bin {
	    label: string;
	    from: number;
	    to: number;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Bin(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.count = source["count"];
	    }
	}
	export class Condition {
	    question: string;
	    answer: string;
	
	    static createFrom(source: any = {}) {
	        return new Condition(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.question = source["question"];
	        this.answer = source["answer"];
	    }
	}
	export class DayCount {
	    date: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new DayCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.count = source["count"];
	    }
	}
	export class Question {
	    id: string;
	    text: string;
	    kind: string;
	    options: string[];
	    allowOther: boolean;
	    scaleMin: number;
	    scaleMax: number;
	    sensitive: boolean;
	    showIf: Condition;
	
	    static createFrom(source: any = {}) {
	        return new Question(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	        this.kind = source["kind"];
	        this.options = source["options"];
	        this.allowOther = source["allowOther"];
	        this.scaleMin = source["scaleMin"];
	        this.scaleMax = source["scaleMax"];
	        this.sensitive = source["sensitive"];
	        this.showIf = this.convertValues(source["showIf"], Condition);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Details {
	    title: string;
	    purpose: string;
	    owner: string;
	    retentionDays: number;
	    sharing: string;
	    partner: string;
	    keepIp: boolean;
	    questions: Question[];
	
	    static createFrom(source: any = {}) {
	        return new Details(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.purpose = source["purpose"];
	        this.owner = source["owner"];
	        this.retentionDays = source["retentionDays"];
	        this.sharing = source["sharing"];
	        this.partner = source["partner"];
	        this.keepIp = source["keepIp"];
	        this.questions = this.convertValues(source["questions"], Question);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Filter {
	    question: string;
	    answer: string;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.question = source["question"];
	        this.answer = source["answer"];
	    }
	}
	export class TargetOption {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new TargetOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class MappedColumn {
	    heading: string;
	    subs: string[];
	    sample: string;
	    target: string;
	    auto: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MappedColumn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.heading = source["heading"];
	        this.subs = source["subs"];
	        this.sample = source["sample"];
	        this.target = source["target"];
	        this.auto = source["auto"];
	    }
	}
	export class ImportPreview {
	    format: string;
	    columns: MappedColumn[];
	    targets: TargetOption[];
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.columns = this.convertValues(source["columns"], MappedColumn);
	        this.targets = this.convertValues(source["targets"], TargetOption);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportReport {
	    id: number;
	    fileName: string;
	    format: string;
	    // Go type: time
	    at: any;
	    operator: string;
	    rows: number;
	    added: number;
	    updated: number;
	    unchanged: number;
	    incomplete: number;
	    sensitiveWithheld: number;
	    sensitiveAnswers: number;
	    invalidAnswers: number;
	    problems: AnswerProblem[];
	    unknownOptions: number;
	    ipDropped: boolean;
	    consentsRecorded: number;
	    consentLedger: boolean;
	    unmapped: string[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new ImportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.fileName = source["fileName"];
	        this.format = source["format"];
	        this.at = this.convertValues(source["at"], null);
	        this.operator = source["operator"];
	        this.rows = source["rows"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.incomplete = source["incomplete"];
	        this.sensitiveWithheld = source["sensitiveWithheld"];
	        this.sensitiveAnswers = source["sensitiveAnswers"];
	        this.invalidAnswers = source["invalidAnswers"];
	        this.problems = this.convertValues(source["problems"], AnswerProblem);
	        this.unknownOptions = source["unknownOptions"];
	        this.ipDropped = source["ipDropped"];
	        this.consentsRecorded = source["consentsRecorded"];
	        this.consentLedger = source["consentLedger"];
	        this.unmapped = source["unmapped"];
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class OptionCount {
	    label: string;
	    count: number;
	    percent: number;
	
	    static createFrom(source: any = {}) {
	        return new OptionCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.count = source["count"];
	        this.percent = source["percent"];
	    }
	}
	
	export class WordCount {
	    word: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new WordCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.word = source["word"];
	        this.count = source["count"];
	    }
	}
	export class QuestionResult {
	    id: string;
	    text: string;
	    kind: string;
	    sensitive: boolean;
	    shown: number;
	    answered: number;
	    options: OptionCount[];
	    hasStats: boolean;
	    mean: number;
	    median: number;
	    min: number;
	    max: number;
	    histogram: Bin[];
	    words: WordCount[];
	    samples: string[];
	    otherTexts: string[];
	    smallGroup: boolean;
	
	    static createFrom(source: any = {}) {
	        return new QuestionResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	        this.kind = source["kind"];
	        this.sensitive = source["sensitive"];
	        this.shown = source["shown"];
	        this.answered = source["answered"];
	        this.options = this.convertValues(source["options"], OptionCount);
	        this.hasStats = source["hasStats"];
	        this.mean = source["mean"];
	        this.median = source["median"];
	        this.min = source["min"];
	        this.max = source["max"];
	        this.histogram = this.convertValues(source["histogram"], Bin);
	        this.words = this.convertValues(source["words"], WordCount);
	        this.samples = source["samples"];
	        this.otherTexts = source["otherTexts"];
	        this.smallGroup = source["smallGroup"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Results {
	    surveyId: string;
	    title: string;
	    responses: number;
	    total: number;
	    filter: Filter;
	    questions: QuestionResult[];
	    timeline: DayCount[];
	    smallGroup: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Results(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.surveyId = source["surveyId"];
	        this.title = source["title"];
	        this.responses = source["responses"];
	        this.total = source["total"];
	        this.filter = this.convertValues(source["filter"], Filter);
	        this.questions = this.convertValues(source["questions"], QuestionResult);
	        this.timeline = this.convertValues(source["timeline"], DayCount);
	        this.smallGroup = source["smallGroup"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Survey {
	    id: string;
	    details: Details;
	    responses: number;
	    mapping: {[key: string]: string};
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Survey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.details = this.convertValues(source["details"], Details);
	        this.responses = source["responses"];
	        this.mapping = source["mapping"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

