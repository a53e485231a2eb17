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

