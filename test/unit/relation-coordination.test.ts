// Relations stated by coordination ("either A or B", "add A or B", "A and B require synchronization")
// and by structure (tables, lists under a topic), on sentences written for each case, with the
// project's vocabulary: each reading with its direction, and the sentences that must stay silent.
import { describe, expect, it } from 'vitest';
import { analyseSentence } from '../../src/pipeline/relations.ts';
import { lexicon } from '../../src/pipeline/relations/lexicon.ts';
import { one, relationsOfMarkdown, triples, withRules } from '../helpers/relations.ts';

const fromMarkdown = (md: string): string[] => triples(relationsOfMarkdown(md));

describe('choices between coordinated names', () => {
  it('reads "either the A or the B" across determiners', () => {
    expect(withRules('Install either the Azure AD Connect or the Azure AD Sync.')).toEqual(['azure-ad-connect alternative-to azure-ad-sync (marker:either-or)']);
  });

  it('reads an "or" pair after a verb of choosing, also as "either use A or B"', () => {
    expect(one('You can also add password hash sync or pass-through authentication.')).toEqual(['pass-through-authentication alternative-to password-hash-sync']);
    expect(one('You can either use synchronized identity or federated authentication.')).toEqual(['federated-authentication alternative-to synchronized-identity']);
  });

  it('reads a counted list as choices only when the counted noun names kinds to choose from', () => {
    expect(withRules('The two overall models are cloud authentication and federated authentication.')).toEqual(['cloud-authentication alternative-to federated-authentication (group:choices)']);
    expect(one('Each server hosts two roles: AD FS and Web Application Proxy.')).toEqual([]);
  });

  it('states no choice for a slash compound, a noun "use", a condition or a hypothetical', () => {
    for (const text of [
      'You must select the right Exchange Online/SharePoint Online path.',
      'Traffic is sent regardless of the use of ExpressRoute or Azure AD.',
      'If you use password hash sync or pass-through authentication, users sign in with one password.',
      'You could add password hash sync or pass-through authentication.',
      'You cannot add password hash sync or pass-through authentication.',
      'See password hash sync or pass-through authentication.',
    ]) expect(one(text), text).toEqual([]);
  });

  it('reads "either A ... or B" when a phrase stands between the choices', () => {
    expect(withRules('Use either AD FS over the Internet or Web Application Proxy with a gateway.')).toEqual(['ad-fs alternative-to web-application-proxy (marker:either-or)']);
    expect(one('You need either Exchange Server and up, or Exchange Online.')).toEqual(['exchange-online alternative-to exchange-server']);
    // "either" without an "or" in its clause states no choice.
    expect(one('Either AD FS works, and then seamless SSO signs users in.')).toEqual([]);
  });

  it('reads every destination of a move as a choice: "migrate your X to A, B, or C"', () => {
    expect(one('You can migrate your DirSync installation to Azure AD Sync, Azure AD Connect, or IdFix.')).toEqual([
      'azure-ad-connect alternative-to azure-ad-sync', 'azure-ad-connect alternative-to idfix', 'azure-ad-connect replaces dirsync',
      'azure-ad-sync alternative-to idfix', 'azure-ad-sync replaces dirsync', 'idfix replaces dirsync',
    ]);
    // What moves "from A to B" is not what B replaces.
    expect(one('You can move your DirSync installation to Azure AD Connect.')).toEqual(['azure-ad-connect replaces dirsync']);
    expect(one('You can move your DirSync installation from EUR to Azure AD Connect.')).toEqual([]);
    // A plain list of three after "use" is not a choice.
    expect(one('You can use Exchange Online, SharePoint Online, or Microsoft Teams.')).toEqual([]);
  });

  it('analyses "add A or B" although no relation word is in it', () => {
    expect(one('You can also add pass-through authentication or seamless single sign-on.')).toEqual(['pass-through-authentication alternative-to seamless-sso']);
  });

  it('reads "X with or without Y": Y is an option of X', () => {
    expect(withRules('Directory synchronization with or without password hash sync is set up by Azure AD Connect.')).toContain('password-hash-sync option-of directory-synchronization (group:with)');
    expect(one('Directory synchronization without password hash sync is possible.')).toEqual([]);
  });

  it('keeps the name before a version tag as the head of "Exchange Server 2013 CU19"', () => {
    const text = 'Exchange Server 2013 CU19 requires Windows Server.';
    const slot = (id: string, name: string) => ({ entityId: id, start: text.indexOf(name), end: text.indexOf(name) + name.length });
    const found = analyseSentence(text, [slot('exchange-2013', 'Exchange Server 2013'), slot('cu19', 'CU19'), slot('windows-server', 'Windows Server')], { fragment: false }, lexicon());
    expect(found.statements.map((s) => `${s.source} ${s.type} ${s.target}`)).toEqual(['exchange-2013 requires windows-server']);
  });
});

describe('means listed with "or"', () => {
  it('reads the places or tools an activity is done in as alternatives', () => {
    expect(withRules('You can manage users in the Microsoft 365 admin center, the Hybrid Configuration Wizard, or in Office 365 PowerShell.')).toEqual([
      'hybrid-configuration-wizard alternative-to microsoft-365-admin-center (group:means)', 'hybrid-configuration-wizard alternative-to office-365-powershell (group:means)', 'microsoft-365-admin-center alternative-to office-365-powershell (group:means)',
    ]);
  });

  it('states no choice for an "and" list, a verb with its own preposition, a condition or a name as object', () => {
    for (const text of [
      'You can manage users in the Microsoft 365 admin center and Office 365 PowerShell.',
      'You can integrate Office 365 with Exchange Server or SharePoint Server.',
      'If you manage users in the Microsoft 365 admin center or Office 365 PowerShell, check the licenses.',
      'You cannot manage users in the Microsoft 365 admin center or Office 365 PowerShell.',
      'You can manage Exchange Online in the Microsoft 365 admin center or Office 365 PowerShell.',
    ]) expect(one(text).filter((t) => t.includes('alternative-to')), text).toEqual([]);
  });
});

describe('fragments about a topic', () => {
  it('reads a table cell that starts with a participle as said of its row\'s name', () => {
    const md = '# Tools\n\n| Tool | Notes |\n| --- | --- |\n| Directory synchronization | Required for many hybrid scenarios (password hash sync, pass-through authentication). |\n| DirSync | Replaced by Azure AD Connect. |\n';
    expect(fromMarkdown(md)).toEqual([
      'azure-ad-connect replaces dirsync',
      'pass-through-authentication requires directory-synchronization',
      'password-hash-sync requires directory-synchronization',
    ]);
  });

  it('reads a sub-item under a named item, and nothing without a topic or when negated', () => {
    expect(fromMarkdown('- DirSync\n  - Replaced by Azure AD Connect.\n')).toEqual(['azure-ad-connect replaces dirsync']);
    expect(fromMarkdown('# Setup\n\nRequired for password hash sync and Azure AD Connect.\n')).toEqual([]);
    expect(fromMarkdown('| Tool | Notes |\n| --- | --- |\n| IdFix | Not required for Azure AD Connect. |\n')).toEqual([]);
  });
});

describe('examples of a category', () => {
  it('reads the names in parentheses after a category noun as its members', () => {
    expect(withRules('You can connect to Office 365 services (Exchange Online and SharePoint Online) directly.')).toEqual([
      'exchange-online part-of office-365 (group:examples)', 'sharepoint-online part-of office-365 (group:examples)',
    ]);
    // Without a category noun the parenthesis is another name of the thing (or a comment).
    expect(one('You can connect to Office 365 (Exchange Online) directly.')).toEqual([]);
  });

  it('reads every name of an example list, across items that are not names', () => {
    expect(one('Office 365 (including Word, Exchange Online, enhanced presence, and SharePoint Online)')).toEqual([
      'exchange-online part-of office-365', 'sharepoint-online part-of office-365',
    ]);
    expect(one('Office 365 services such as online meetings, Microsoft Teams, and Exchange Online are global.')).toEqual([
      'exchange-online part-of office-365', 'microsoft-teams part-of office-365',
    ]);
    expect(one('Office 365 services such as Exchange Online do not include Microsoft Teams.')).toEqual(['exchange-online part-of office-365']);
  });
});

describe('coordinated subjects and clauses', () => {
  it('joins coordinated subjects of a reciprocal verb or noun that names nothing else', () => {
    expect(withRules('Exchange Online and SharePoint Online require synchronization.')).toEqual(['exchange-online integrates-with sharepoint-online (group:reciprocal)']);
    expect(one('Exchange Server and Exchange Online communicate with each other.')).toEqual(['exchange-server integrates-with exchange-online']);
    for (const text of [
      'Exchange Online and SharePoint Online do not require synchronization.',
      'If Exchange Online and SharePoint Online require synchronization, plan for it.',
      'Exchange Online and SharePoint Online require Azure AD.',
    ]) expect(one(text).filter((t) => t.includes('integrates-with')), text).toEqual([]);
    // "integrate with Azure AD" has an object of its own: not a reciprocal of the subjects.
    expect(one('Exchange Online and SharePoint Online integrate with Azure AD.')).toEqual(['exchange-online integrates-with azure-ad', 'sharepoint-online integrates-with azure-ad']);
  });

  it('reads "Although you can use X, you can also use Y" as two tools for one task', () => {
    expect(withRules('Although you can use the Microsoft 365 admin center, you can also use Office 365 PowerShell to manage groups.')).toContain('microsoft-365-admin-center alternative-to office-365-powershell (frame:concession)');
    for (const text of [
      'Although you can use the Microsoft 365 admin center, Office 365 PowerShell is faster.',
      'Although you cannot use the Microsoft 365 admin center, you can also use Office 365 PowerShell.',
    ]) expect(one(text).filter((t) => t.includes('alternative-to')), text).toEqual([]);
  });
});

describe('links and "between"', () => {
  it('reads a link whose text is only a name as that name, and a longer link text as a title', () => {
    expect(fromMarkdown('Configure hybrid functionality between [SharePoint Server 2013](https://example.com/a) and Office 365.\n')).toEqual(['sharepoint-server-2013 integrates-with office-365']);
    expect(fromMarkdown('Read [Integrating Exchange Online with Azure AD](https://example.com/a) today.\n')).toEqual([]);
  });

  it('reads "between your existing A or B and C" across determiners', () => {
    expect(one('Configure hybrid functionality between your existing Lync Server 2013 or Skype for Business Server 2015 environment and Office 365.')).toEqual([
      'lync-server-2013 integrates-with office-365', 'skype-for-business-server-2015 integrates-with office-365',
    ]);
    expect(one('Configure hybrid functionality between your existing Lync Server 2013 environment but not Office 365.')).toEqual([]);
  });
});
