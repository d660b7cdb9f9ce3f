// Sentence-level readings of the relation lexicon (src/pipeline/relations/clauses.ts, lexicon.yaml):
// each reading with its direction, and the same words negated, asked, conditional or pointing elsewhere.
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/pipeline/mentions.ts';
import { extractRelations } from '../../src/pipeline/relations.ts';
import type { Sentence } from '../../src/pipeline/types.ts';
import { entities, matcher, one, rules } from '../helpers/relations.ts';

/** Sentences that state nothing, however close their words come to a reading. */
function none(...texts: string[]): void {
  for (const text of texts) expect(one(text), text).toEqual([]);
}

describe('purpose clauses of connecting verbs', () => {
  it('"use X to connect to Y": X works with Y (the means, not one of the joined systems)', () => {
    expect(one('You can use ExpressRoute to connect directly to Office 365.')).toEqual(['expressroute works-with office-365']);
    expect(rules('You can use ExpressRoute to connect directly to Office 365.')).toEqual(['purpose:integrate']);
  });
  it('gives nothing negated, asked, conditional or as a pointer', () => {
    none(
      'You cannot use ExpressRoute to connect to Office 365.',
      'Can you use ExpressRoute to connect to Office 365?',
      'If you use ExpressRoute to connect to Office 365, plan the routes.',
      'For more information, see Use ExpressRoute to connect to Office 365.',
    );
  });
});

describe('verbs of sending and querying', () => {
  it('"X sends <something> to Y": X integrates with Y', () => {
    expect(one('Azure AD Connect sends the changes to accounts and passwords to Azure AD.')).toEqual(['azure-ad-connect integrates-with azure-ad']);
  });
  it('"X queries Y": X works with Y', () => {
    expect(one('Azure AD Connect queries a domain controller for changes.')).toEqual(['azure-ad-connect works-with domain-controller']);
  });
  it('gives nothing negated, asked or conditional', () => {
    none(
      'Azure AD Connect does not send passwords to Azure AD.',
      'Does Azure AD Connect send passwords to Azure AD?',
      'If Azure AD Connect sends the changes to Azure AD, the sync is complete.',
      'Azure AD Connect never queries a domain controller.',
    );
  });
});

describe('synchronizing between two systems', () => {
  it('joins the two systems, not the means with each', () => {
    expect(one('Azure AD Connect synchronizes between Active Directory and Azure AD.')).toEqual(['active-directory integrates-with azure-ad']);
  });
});

describe('"uses" before a counted list of kinds', () => {
  it('is no requirement: the list names the kinds the subject has', () => {
    none('Office 365 uses two main identity models: cloud authentication and federated authentication.');
    expect(one('Office 365 uses Azure AD.')).toEqual(['office-365 requires azure-ad']);
  });
});

describe('a part noun as the head of the name before it', () => {
  it('"the X feature in Y": X is part of Y', () => {
    expect(one('Take advantage of the seamless SSO feature in Azure AD Connect.')).toEqual(['seamless-sso part-of azure-ad-connect']);
    expect(rules('Take advantage of the seamless SSO feature in Azure AD Connect.')).toEqual(['noun:part-head']);
  });
  it('gives nothing negated, asked, or as a pointer', () => {
    none(
      'There is no seamless SSO feature in Azure AD Connect.',
      'Is there a seamless SSO feature in Azure AD Connect?',
      'For more information, see the seamless SSO feature in Azure AD Connect.',
    );
  });
});

describe('"in combination with"', () => {
  it('the first works with the second', () => {
    expect(one('You can run Azure AD PowerShell in combination with Office 365 PowerShell.')).toEqual(['azure-ad-powershell works-with office-365-powershell']);
  });
  it('gives nothing negated or asked', () => {
    none('You cannot run Azure AD PowerShell in combination with Office 365 PowerShell.', 'Can you run Azure AD PowerShell in combination with Office 365 PowerShell?');
  });
});

describe('relative clauses and pronouns', () => {
  it('a relative clause on the complement of "is" speaks of the copula\'s subject', () => {
    expect(one('Use SharePoint Online, which is an online service that is part of Office 365.')).toEqual(['sharepoint-online part-of office-365']);
    none('SharePoint Online, which is not an online service that is part of Office 365, stays.');
  });
  it('"it" after another name in the sentence is not taken for the section topic', () => {
    const md = (text: string): string[] => {
      const sentences: Sentence[] = [{ docId: 'doc:t', sectionId: 's', file: 't.md', line: 3, text, block: 'paragraph' }];
      const sections = [{ docId: 'doc:t', id: 's', anchors: [], depth: 1, title: 'Modern authentication', text: '', file: 't.md', line: 1 }];
      const heading: Sentence = { docId: 'doc:t', sectionId: 's', file: 't.md', line: 1, text: 'Modern authentication', block: 'heading' };
      const all = [heading, ...sentences];
      return extractRelations({ sentences: all, sections, mentions: findMentions(all, matcher), entities }).map((r) => `${r.source} ${r.type} ${r.target}`);
    };
    expect(md('It uses ADAL.')).toEqual(['modern-authentication requires adal']);
    expect(md('If the client needs Exchange Online, it uses ADAL.')).toEqual([]);
  });
});

describe('"For X, use Y"', () => {
  it('the tool sets up what it is for, and the options "with or without" it names', () => {
    expect(one('For directory synchronization with or without password hash sync, use Azure AD Connect.')).toEqual([
      'azure-ad-connect sets-up directory-synchronization', 'azure-ad-connect sets-up password-hash-sync',
      // "with or without Y" (the coordination reading): Y is an option of X.
      'password-hash-sync option-of directory-synchronization',
    ]);
  });
  it('gives nothing negated, asked, or as a pointer', () => {
    none(
      'For directory synchronization, do not use Azure AD Connect.',
      'For directory synchronization, should you use Azure AD Connect?',
      'For more information about directory synchronization, use the Azure AD Connect guide.',
    );
  });
});

describe('a fallback: "V X if you can\'t V Y"', () => {
  it('the two are alternatives', () => {
    expect(one('We recommend that you migrate to Exchange Server if you can\'t migrate to Exchange Online.')).toEqual(['exchange-online alternative-to exchange-server']); // symmetric: stored in id order
  });
  it('not when the second is not negated, nor when the first is', () => {
    none('Migrate to Exchange Server if you migrate to Exchange Online.', 'Do not migrate to Exchange Server if you can\'t migrate to Exchange Online.');
  });
});

describe('objects behind generic nouns', () => {
  it('"the list of accounts in AD DS" stands for where they are', () => {
    expect(one('Azure AD Connect synchronizes the list of accounts in Active Directory with Azure AD.')).toEqual(['active-directory integrates-with azure-ad']);
    none('Azure AD Connect does not synchronize the list of accounts in Active Directory with Azure AD.');
  });
});

describe('coordinated purposes', () => {
  it('"to provide <unnamed> and optionally provide Y": the second purpose names what the tool sets up', () => {
    expect(one('You can use Azure AD Connect to provide synchronization of identities and optionally provide password hash sync.')).toEqual(['azure-ad-connect sets-up password-hash-sync']);
    none('You cannot use Azure AD Connect to provide synchronization of identities and optionally provide password hash sync.');
  });
});

describe('a concession: "Although you can use X, you can also use Y"', () => {
  it('the two tools are alternatives', () => {
    expect(one('Although you can use the Microsoft 365 admin center, you can also use Office 365 PowerShell to manage groups.')).toEqual(['microsoft-365-admin-center alternative-to office-365-powershell']);
  });
  it('not when either use is negated', () => {
    none('Although you cannot use the Microsoft 365 admin center, you can also use Office 365 PowerShell.', 'Although you can use the Microsoft 365 admin center, you cannot use Office 365 PowerShell.');
  });
});

describe('"X uses Y to <purpose>"', () => {
  it('the subject needs what it uses, and an example of the subject stands for it', () => {
    expect(one('Office 365 uses Azure AD to configure single sign-on.')).toEqual(['azure-ad sets-up single-sign-on', 'office-365 requires azure-ad']);
    expect(one('Cloud services like Office 365 use Azure AD to cache tokens.')).toEqual(['office-365 requires azure-ad']);
    none('Office 365 does not use Azure AD to configure single sign-on.');
  });
});

describe('verbs the tagger calls nouns, and light nouns after participles', () => {
  it('"X communicates/NOUN with Y" is still the verb', () => {
    expect(one('The Exchange Server communicates with Lync Server 2013.')).toEqual(['exchange-server integrates-with lync-server-2013']);
  });
  it('"provides you with this dedicated network connection to Y"', () => {
    expect(one('ExpressRoute provides you with this dedicated network connection to Office 365.')).toEqual(['expressroute integrates-with office-365']);
    none('ExpressRoute does not provide you with this dedicated network connection to Office 365.');
  });
});

describe('objects in parentheses and relative clauses', () => {
  it('a list in parentheses is objects too, and the list goes on after it', () => {
    expect(one('Use ExpressRoute to connect to Azure (Exchange Online and SharePoint Online), and Office 365.')).toEqual([
      'expressroute works-with azure', 'expressroute works-with exchange-online', 'expressroute works-with office-365', 'expressroute works-with sharepoint-online',
    ]);
  });
  it('one name in parentheses is another name, not an object', () => {
    expect(one('Office 365 includes Exchange Online (Azure).')).toEqual(['exchange-online part-of office-365']);
  });
  it('a non-restrictive relative after a list speaks of its last name', () => {
    expect(one('It talks to SharePoint Online, Exchange Server (which communicates with Lync Server 2013).')).toEqual(['exchange-server integrates-with lync-server-2013']);
  });
  it('a restrictive relative on a name inside a phrase, or in a hypothesis, asserts nothing', () => {
    none('Virtual machines in Azure that use Azure AD are listed.', 'If it fails, mailboxes in Office 365 that use Exchange Online might stop.');
  });
});

describe('"X in Y"', () => {
  it('a bare "in" says where a thing runs, not what it is part of: no edge', () => {
    none(
      'Seamless SSO in Azure AD Connect is enabled by default.',
      'You can deploy SharePoint Server in Azure.',
      'The domain controllers in Azure AD do not receive updates.',
    );
  });
});

describe('passive "included as part of", and nouns the tagger calls verbs', () => {
  it('"X is included as part of your Y subscription": X is part of Y', () => {
    expect(one('Exchange Online is included as part of your Office 365 subscription.')).toEqual(['exchange-online part-of office-365']);
    none('Exchange Online is not included as part of your Office 365 subscription.');
  });
  it('"synchronize the set of accounts in A to the set of accounts in B" joins A and B', () => {
    expect(one('Azure AD Connect synchronizes the set of accounts in your Active Directory forest to the set of accounts in Office 365.')).toEqual(['active-directory integrates-with office-365']);
  });
});

describe('restrictive clauses and own instances', () => {
  it('"X that ..." right after a name narrows the name and asserts nothing', () => {
    none('UPNs that are used for single sign-on can contain letters.');
    expect(one('The user principal name is used for single sign-on.')).toEqual(['user-principal-name works-with single-sign-on']);
  });
  it('"your own X instance" is an instance of a kind, not the named thing', () => {
    none('You can use Azure to deploy your own Office 365 instance.');
    expect(one('You can use Azure AD Connect to deploy AD FS.')).toEqual(['azure-ad-connect sets-up ad-fs']);
  });
});

describe('instructions to set up a tool for a purpose', () => {
  it('"Install and configure X for Y with Z": X sets up Y and Z', () => {
    expect(one('Install and configure Azure AD Connect for directory synchronization with password hash sync.')).toEqual([
      'azure-ad-connect sets-up directory-synchronization', 'azure-ad-connect sets-up password-hash-sync',
    ]);
    expect(rules('Install and configure Azure AD Connect for directory synchronization.')).toEqual(['frame:configure-for']);
  });
  it('not negated, asked, or after a subject that is no instruction', () => {
    none(
      'Do not configure Azure AD Connect for directory synchronization.',
      'Should you configure Azure AD Connect for directory synchronization?',
      'If you configure Azure AD Connect for directory synchronization, wait an hour.',
    );
  });
  it('what is done "instead of" another is not stated', () => {
    none('Instead of configuring AD FS using Azure AD Connect, users sign in.');
  });
});
