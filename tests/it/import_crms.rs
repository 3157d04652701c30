//! Exports written as ten CRMs write them (and two variants: a file in two
//! currencies, a view saved by Excel as Unicode text) (their default headers in their
//! order, their default stage and status values, their encodings,
//! separators, number and date forms), imported as a new user would: with
//! no options, or only the ones the first error names. The totals per stage
//! and per outcome must match the file, and a second import changes nothing.

use crate::common::{Sandbox, read_workspace, stderr, stdout};
use funnel::domain::{Money, Status, Workspace};
use std::path::Path;

/// One export: its file name, encoding (`utf-8`, `utf-8-bom`, `gbk`,
/// `windows-1252`, `utf-16le`), header, rows (the line as written, where
/// funnel must put it, its value in cents), the lines after the data (a
/// report's footer) and the options its first failed import names.
struct Export {
    file: &'static str,
    encoding: &'static str,
    header: &'static str,
    rows: &'static [(&'static str, &'static str, i64)],
    footer: &'static str,
    options: &'static [&'static str],
}

const DYNAMICS: Export = Export {
    file: "Opportunities Dynamics 365.csv",
    encoding: "utf-8-bom",
    header: "(Do Not Modify) Opportunity,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Topic,Potential Customer,Status,Status Reason,Sales Stage,Est. Close Date,Est. Revenue,Probability,Owner,Created On",
    rows: &[
        (
            "5f1c0a2e-1b3c-ef11-8409-000d3a5c7e21,k2Jd8f/Q+1aZ==,11/02/2026 09:14,Pump refurbishment,Contoso Ltd,Open,In Progress,Qualify,12/15/2026,\"$48,000.00\",20,Ana Ruiz,9/10/2025 4:37 PM",
            "qualify",
            4800000,
        ),
        (
            "6a2d1b3f-1b3c-ef11-8409-000d3a5c7e21,m3Ke9g/R+2bA==,11/03/2026 10:01,Cooling upgrade,Fabrikam Inc,Open,In Progress,Develop,1/20/2027,\"$125,500.00\",40,Ana Ruiz,10/14/2025 8:02 AM",
            "drive",
            12550000,
        ),
        (
            "7b3e2c40-1b3c-ef11-8409-000d3a5c7e21,n4Lf0h/S+3cB==,11/04/2026 11:20,Site survey 2027,Adventure Works,Open,On Hold,Develop,2/28/2027,\"$9,900.00\",30,Li Wei,11/3/2025 1:15 PM",
            "drive",
            990000,
        ),
        (
            "8c4f3d51-1b3c-ef11-8409-000d3a5c7e21,o5Mg1i/T+4dC==,11/05/2026 12:45,Service contract,Contoso Ltd,Open,In Progress,Propose,12/31/2026,\"$60,000.00\",60,Li Wei,1/22/2026 3:30 PM",
            "propose",
            6000000,
        ),
        (
            "9d504e62-1b3c-ef11-8409-000d3a5c7e21,p6Nh2j/U+5eD==,11/06/2026 08:05,Line 3 retrofit,Litware Inc,Open,In Progress,Close,12/18/2026,\"$210,000.00\",80,Ana Ruiz,2/17/2026 9:00 AM",
            "close",
            21000000,
        ),
        (
            "ae615f73-1b3c-ef11-8409-000d3a5c7e21,q7Oi3k/V+6fE==,10/30/2026 16:40,Spare parts 2026,Fabrikam Inc,Won,Won,Close,10/30/2026,\"$18,250.00\",100,Li Wei,3/3/2026 10:10 AM",
            "won",
            1825000,
        ),
        (
            "bf726084-1b3c-ef11-8409-000d3a5c7e21,r8Pj4l/W+7gF==,9/15/2026 14:22,Chiller swap,Litware Inc,Lost,Out-Sold,Propose,9/15/2026,\"$75,000.00\",0,Ana Ruiz,4/8/2026 2:45 PM",
            "lost",
            7500000,
        ),
        (
            "c0837195-1b3c-ef11-8409-000d3a5c7e21,s9Qk5m/X+8hG==,8/21/2026 09:30,Training days,Adventure Works,Lost,Canceled,Qualify,8/21/2026,\"$4,500.00\",0,Li Wei,5/19/2026 11:11 AM",
            "lost",
            450000,
        ),
        (
            "d19482a6-1b3c-ef11-8409-000d3a5c7e21,t0Rl6n/Y+9iH==,11/20/2026 17:02,Control cabinet,Contoso Ltd,Won,Won,Close,11/20/2026,\"$33,000.00\",100,Ana Ruiz,6/30/2026 4:37 PM",
            "won",
            3300000,
        ),
    ],
    footer: "",
    options: &[],
};

const ZOHO: Export = Export {
    file: "Deals_2026_11_30.csv",
    encoding: "utf-8",
    header: "Record Id,Deal Owner,Deal Name,Amount,Closing Date,Account Name,Stage,Type,Probability (%),Next Step,Lead Source,Contact Name,Created Time,Modified Time,Description,Expected Revenue,Reason For Loss,Currency",
    rows: &[
        (
            "zcrm_6028153000000412001,Maria Schulz,Benton ERP rollout,48000,\"15 Dec, 2026\",Benton,Qualification,New Business,10,Intro call,Web Site,John Butt,\"15 Apr, 2026 00:03:00\",\"02 Nov, 2026 10:00:00\",,4800,,EUR",
            "qualify",
            4800000,
        ),
        (
            "zcrm_6028153000000412002,Maria Schulz,Chanay licences,12500.50,\"20 Jan, 2027\",Chanay,Needs Analysis,New Business,20,,Partner,Josephine Darakjy,\"03 May, 2026 11:20:00\",\"03 Nov, 2026 09:00:00\",,2500.10,,EUR",
            "drive",
            1250050,
        ),
        (
            "zcrm_6028153000000412003,Tom Berg,Chemel upgrade,30000,\"28 Feb, 2027\",Chemel,Value Proposition,Existing Business,40,Demo,Trade Show,Art Venere,\"21 May, 2026 14:00:00\",\"04 Nov, 2026 08:30:00\",,12000,,EUR",
            "drive",
            3000000,
        ),
        (
            "zcrm_6028153000000412004,Tom Berg,Feltz printing,8000,\"31 Jan, 2027\",Feltz Printing Service,Id. Decision Makers,New Business,60,,Web Site,Lenna Paprocki,\"02 Jun, 2026 09:45:00\",\"05 Nov, 2026 16:00:00\",,4800,,EUR",
            "drive",
            800000,
        ),
        (
            "zcrm_6028153000000412005,Maria Schulz,Printing Dimensions,22000,\"18 Dec, 2026\",Printing Dimensions,Perception Analysis,New Business,70,,Cold Call,Donette Foller,\"11 Jun, 2026 10:10:00\",\"06 Nov, 2026 11:00:00\",,15400,,EUR",
            "drive",
            2200000,
        ),
        (
            "zcrm_6028153000000412006,Tom Berg,Morlong support,15000,\"22 Dec, 2026\",Morlong Associates,Proposal/Price Quote,Existing Business,75,Send quote,Web Site,Simona Morasca,\"01 Jul, 2026 13:30:00\",\"07 Nov, 2026 12:00:00\",,11250,,EUR",
            "propose",
            1500000,
        ),
        (
            "zcrm_6028153000000412007,Maria Schulz,Commercial Press,64000,\"19 Dec, 2026\",Commercial Press,Negotiation/Review,New Business,90,Legal review,Partner,Mitsue Tollner,\"15 Jul, 2026 15:00:00\",\"08 Nov, 2026 10:00:00\",,57600,,EUR",
            "negotiate",
            6400000,
        ),
        (
            "zcrm_6028153000000412008,Tom Berg,Truhlar renewal,9000,\"30 Sep, 2026\",Truhlar And Truhlar,Closed Won,Existing Business,100,,Web Site,Leota Dilliard,\"02 Aug, 2026 09:00:00\",\"30 Sep, 2026 17:00:00\",,9000,,EUR",
            "won",
            900000,
        ),
        (
            "zcrm_6028153000000412009,Maria Schulz,King kiosks,27000,\"14 Oct, 2026\",King,Closed Lost,New Business,0,,Trade Show,Sage Wieser,\"20 Aug, 2026 10:00:00\",\"14 Oct, 2026 12:00:00\",,0,Price,EUR",
            "lost",
            2700000,
        ),
        (
            "zcrm_6028153000000412010,Tom Berg,Dorothy Chesterfield,41000,\"05 Nov, 2026\",Dorothy Chesterfield,Closed-Lost to Competition,New Business,0,,Cold Call,Kris Marrier,\"29 Aug, 2026 11:30:00\",\"05 Nov, 2026 09:00:00\",,0,Lost to competitor,EUR",
            "lost",
            4100000,
        ),
    ],
    footer: "",
    options: &[],
};

const BITRIX24: Export = Export {
    file: "deals_bitrix24.csv",
    encoding: "utf-8",
    header: "ID,TITLE,TYPE_ID,STAGE_ID,PROBABILITY,CURRENCY_ID,OPPORTUNITY,COMPANY_ID,CONTACT_ID,BEGINDATE,CLOSEDATE,CLOSED,ASSIGNED_BY_ID,CREATED_BY_ID,DATE_CREATE,DATE_MODIFY,SOURCE_ID",
    rows: &[
        (
            "101,Насосы для Ромашки,SALE,NEW,,RUB,150000.00,12,31,14.06.2026,15.12.2026,N,7,1,14.06.2026 09:20:00,02.11.2026 10:00:00,CALL",
            "qualify",
            15000000,
        ),
        (
            "102,Клапаны,SALE,PREPARATION,,RUB,70000.00,13,32,01.07.2026,20.12.2026,N,7,1,01.07.2026 11:00:00,03.11.2026 10:00:00,EMAIL",
            "drive",
            7000000,
        ),
        (
            "103,Шланги,SALE,PREPAYMENT_INVOICE,,RUB,32500.50,14,33,15.07.2026,18.12.2026,N,8,1,15.07.2026 12:00:00,04.11.2026 10:00:00,WEB",
            "propose",
            3250050,
        ),
        (
            "104,Уплотнители,SALE,EXECUTING,,RUB,99000.00,12,34,01.08.2026,30.12.2026,N,8,1,01.08.2026 13:00:00,05.11.2026 10:00:00,CALL",
            "negotiate",
            9900000,
        ),
        (
            "105,Фильтры,SALE,FINAL_INVOICE,,RUB,45000.00,15,35,10.08.2026,10.12.2026,N,7,1,10.08.2026 14:00:00,06.11.2026 10:00:00,CALL",
            "close",
            4500000,
        ),
        (
            "106,Редукторы,SALE,WON,,RUB,210000.00,16,36,20.08.2026,30.10.2026,Y,7,1,20.08.2026 15:00:00,30.10.2026 10:00:00,RECOMMENDATION",
            "won",
            21000000,
        ),
        (
            "107,Подшипники,SALE,LOSE,,RUB,18000.00,17,37,01.09.2026,25.10.2026,Y,8,1,01.09.2026 16:00:00,25.10.2026 10:00:00,WEB",
            "lost",
            1800000,
        ),
        (
            "108,Муфты,SALE,APOLOGY,,RUB,5000.00,18,38,05.09.2026,13.10.2026,Y,8,1,05.09.2026 17:00:00,13.10.2026 10:00:00,EMAIL",
            "lost",
            500000,
        ),
        (
            "109,Валы,SALE,C1:NEW,,RUB,12000.00,19,39,06.09.2026,31.12.2026,N,7,1,06.09.2026 18:00:00,07.11.2026 10:00:00,CALL",
            "qualify",
            1200000,
        ),
    ],
    footer: "",
    options: &[],
};

const VTIGER: Export = Export {
    file: "Potentials.csv",
    encoding: "utf-8",
    header: "Opportunity Name,Opportunity No,Amount,Organization Name,Contact Name,Expected Close Date,Type,Next Step,Lead Source,Sales Stage,Assigned To,Probability,Campaign Source,Created Time,Modified Time,Forecast Amount,Description",
    rows: &[
        (
            "Website relaunch,POT1,48000.00000000,Acme Corp,John Doe,2026-12-15,New Business,,Web Site,Prospecting,admin,10.000,,2026-06-14 09:20:00,2026-11-02 10:00:00,4800.00000000,",
            "qualify",
            4800000,
        ),
        (
            "ERP integration,POT2,125500.50000000,Globex,Jane Roe,2027-01-20,New Business,,Partner,Qualification,admin,20.000,,2026-07-01 11:00:00,2026-11-03 10:00:00,25100.10000000,",
            "qualify",
            12550050,
        ),
        (
            "Support contract,POT3,9900.00000000,Initech,Bill L,2027-02-28,Existing Business,,Cold Call,Needs Analysis,sales1,25.000,,2026-07-15 12:00:00,2026-11-04 10:00:00,2475.00000000,",
            "drive",
            990000,
        ),
        (
            "Data migration,POT4,30000.00000000,Umbrella,Alice W,2026-12-31,New Business,,Web Site,Value Proposition,sales1,30.000,,2026-08-01 13:00:00,2026-11-05 10:00:00,9000.00000000,",
            "drive",
            3000000,
        ),
        (
            "Hosting 2027,POT5,15000.00000000,Hooli,Gavin B,2026-12-20,Existing Business,,Partner,Id. Decision Makers,admin,40.000,,2026-08-10 14:00:00,2026-11-06 10:00:00,6000.00000000,",
            "drive",
            1500000,
        ),
        (
            "Mobile app,POT6,64000.00000000,Acme Corp,John Doe,2026-12-18,New Business,,Web Site,Proposal or Price Quote,sales1,65.000,,2026-08-20 15:00:00,2026-11-07 10:00:00,41600.00000000,",
            "propose",
            6400000,
        ),
        (
            "Security audit,POT7,22000.00000000,Globex,Jane Roe,2026-12-10,New Business,,Cold Call,Negotiation or Review,admin,80.000,,2026-09-01 16:00:00,2026-11-08 10:00:00,17600.00000000,",
            "negotiate",
            2200000,
        ),
        (
            "Licence renewal,POT8,18000.00000000,Initech,Bill L,2026-10-30,Existing Business,,Web Site,Closed Won,sales1,100.000,,2026-09-05 17:00:00,2026-10-30 10:00:00,18000.00000000,",
            "won",
            1800000,
        ),
        (
            "CRM consulting,POT9,27000.00000000,Umbrella,Alice W,2026-10-14,New Business,,Partner,Closed Lost,admin,0.000,,2026-09-06 18:00:00,2026-10-14 10:00:00,0.00000000,",
            "lost",
            2700000,
        ),
    ],
    footer: "",
    options: &[],
};

const ODOO: Export = Export {
    file: "crm.lead.csv",
    encoding: "utf-8",
    header: "Opportunity,Customer,Email,Phone,Salesperson,Sales Team,Expected Revenue,Probability,Stage,Expected Closing,Created on,Lost Reason,Active",
    rows: &[
        (
            "Office Design Project,Deco Addict,deco@example.com,+32 2 290 34 90,Mitchell Admin,Sales,24000.00,10.0,New,2026-12-15,2026-06-14 09:20:00,,True",
            "qualify",
            2400000,
        ),
        (
            "Quote for 150 carpets,Azure Interior,azure@example.com,+1 555-555-5555,Marc Demo,Sales,40000.00,30.0,Qualified,2027-01-20,2026-07-01 11:00:00,,True",
            "qualify",
            4000000,
        ),
        (
            "Need 20 Desks,Gemini Furniture,gemini@example.com,+1 555-555-5556,Mitchell Admin,Sales,60000.00,70.0,Proposition,2026-12-31,2026-07-15 12:00:00,,True",
            "propose",
            6000000,
        ),
        (
            "Modern Open Space,Ready Mat,ready@example.com,+1 555-555-5557,Marc Demo,Website,4500.00,70.0,Proposition,2026-12-20,2026-08-01 13:00:00,,True",
            "propose",
            450000,
        ),
        (
            "Access to Online Catalog,Lumber Inc,lumber@example.com,,Mitchell Admin,Sales,2000.00,100.0,Won,2026-10-30,2026-08-10 14:00:00,,True",
            "won",
            200000,
        ),
        (
            "Furnitures,The Jackson Group,jackson@example.com,,Marc Demo,Sales,19800.00,100.0,Won,2026-11-02,2026-08-20 15:00:00,,True",
            "won",
            1980000,
        ),
        (
            "Info about services,Wood Corner,wood@example.com,,Mitchell Admin,Sales,25000.00,0.0,Proposition,2026-10-14,2026-09-01 16:00:00,Too expensive,False",
            "lost",
            2500000,
        ),
        (
            "Interest in your products,Deco Addict,deco@example.com,,Marc Demo,Website,15000.00,0.0,Qualified,2026-09-30,2026-09-05 17:00:00,We don't have people/skills,False",
            "lost",
            1500000,
        ),
    ],
    footer: "",
    options: &[],
};

const HUBSPOT: Export = Export {
    file: "hubspot-crm-exports-all-deals-2026-11-30.csv",
    encoding: "utf-8",
    header: "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Create Date,Pipeline,Deal Type,Closed Lost Reason,Closed Won Reason,Associated Company,Last Activity Date",
    rows: &[
        (
            "15423781201,Acme - new deal,Appointment Scheduled,2026-12-15 12:00,Jane Smith,48000,2026-06-14 09:20,Sales Pipeline,newbusiness,,,Acme,2026-11-02 10:00",
            "qualify",
            4800000,
        ),
        (
            "15423781202,Globex expansion,Qualified To Buy,2027-01-20 12:00,Jane Smith,125500.5,2026-07-01 11:00,Sales Pipeline,existingbusiness,,,Globex,2026-11-03 10:00",
            "qualify",
            12550050,
        ),
        (
            "15423781203,Initech pilot,Presentation Scheduled,2027-02-28 12:00,Sam Lee,9900,2026-07-15 12:00,Sales Pipeline,newbusiness,,,Initech,",
            "drive",
            990000,
        ),
        (
            "15423781204,Umbrella rollout,Decision Maker Bought-In,2026-12-31 12:00,Sam Lee,30000,2026-08-01 13:00,Sales Pipeline,newbusiness,,,Umbrella,2026-11-05 10:00",
            "drive",
            3000000,
        ),
        (
            "15423781205,Hooli renewal,Contract Sent,2026-12-20 12:00,Jane Smith,15000,2026-08-10 14:00,Sales Pipeline,existingbusiness,,,Hooli,2026-11-06 10:00",
            "negotiate",
            1500000,
        ),
        (
            "15423781206,Acme add-on,Closed Won,2026-10-30 12:00,Sam Lee,18000,2026-08-20 15:00,Sales Pipeline,existingbusiness,,Best fit,Acme,2026-10-30 10:00",
            "won",
            1800000,
        ),
        (
            "15423781207,Globex services,Closed Lost,2026-10-14 12:00,Jane Smith,27000,2026-09-01 16:00,Sales Pipeline,newbusiness,Went with competitor,,Globex,2026-10-14 10:00",
            "lost",
            2700000,
        ),
        (
            "15423781208,Stark upgrade,Closed Won,2026-11-20 12:00,Sam Lee,64000,2026-09-05 17:00,Sales Pipeline,newbusiness,,Price,Stark Industries,2026-11-20 10:00",
            "won",
            6400000,
        ),
    ],
    footer: "",
    options: &[],
};

const PIPEDRIVE: Export = Export {
    file: "deals-export.csv",
    encoding: "utf-8",
    header: "Deal - ID,Deal - Title,Deal - Creator,Deal - Owner,Deal - Value,Deal - Currency of Value,Deal - Weighted value,Deal - Probability,Deal - Organization,Deal - Pipeline,Deal - Contact person,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Update time,Deal - Won time,Deal - Lost time,Deal - Deal closed on,Deal - Lost reason,Deal - Expected close date",
    rows: &[
        (
            "1,Acme deal,Ann Lee,Ann Lee,48000,EUR,48000,,Acme,Pipeline,John Doe,Qualified,Open,2026-06-14 09:20:00,2026-11-02 10:00:00,,,,,2026-12-15",
            "qualify",
            4800000,
        ),
        (
            "2,Globex deal,Ann Lee,Ann Lee,12500.5,EUR,12500.5,,Globex,Pipeline,Jane Roe,Contact Made,Open,2026-07-01 11:00:00,2026-11-03 10:00:00,,,,,2027-01-20",
            "qualify",
            1250050,
        ),
        (
            "3,Initech deal,Ann Lee,Bo Berg,9900,EUR,9900,,Initech,Pipeline,Bill L,Demo Scheduled,Open,2026-07-15 12:00:00,2026-11-04 10:00:00,,,,,2027-02-28",
            "drive",
            990000,
        ),
        (
            "4,Umbrella deal,Bo Berg,Bo Berg,30000,EUR,30000,,Umbrella,Pipeline,Alice W,Proposal Made,Open,2026-08-01 13:00:00,2026-11-05 10:00:00,,,,,2026-12-31",
            "propose",
            3000000,
        ),
        (
            "5,Hooli deal,Bo Berg,Ann Lee,15000,EUR,15000,,Hooli,Pipeline,Gavin B,Negotiations Started,Open,2026-08-10 14:00:00,2026-11-06 10:00:00,,,,,2026-12-20",
            "negotiate",
            1500000,
        ),
        (
            "6,Stark deal,Ann Lee,Ann Lee,64000,EUR,64000,,Stark,Pipeline,Tony S,Negotiations Started,Won,2026-08-20 15:00:00,2026-10-30 10:00:00,2026-10-30 10:00:00,,2026-10-30 10:00:00,,2026-10-31",
            "won",
            6400000,
        ),
        (
            "7,Wayne deal,Bo Berg,Bo Berg,27000,EUR,27000,,Wayne,Pipeline,Bruce W,Proposal Made,Lost,2026-09-01 16:00:00,2026-10-14 10:00:00,,2026-10-14 10:00:00,2026-10-14 10:00:00,Price too high,2026-11-15",
            "lost",
            2700000,
        ),
        (
            "8,Oscorp deal,Bo Berg,Ann Lee,22000,EUR,22000,,Oscorp,Pipeline,Norman O,Demo Scheduled,Lost,2026-09-05 17:00:00,2026-10-20 10:00:00,,2026-10-20 10:00:00,2026-10-20 10:00:00,No budget,2026-12-01",
            "lost",
            2200000,
        ),
    ],
    footer: "",
    options: &[],
};

const SALESFORCE_REPORT: Export = Export {
    file: "report1700000000000.csv",
    encoding: "utf-8",
    header: "\"Opportunity Owner\",\"Account Name\",\"Opportunity Name\",\"Stage\",\"Fiscal Period\",\"Amount\",\"Expected Revenue\",\"Probability (%)\",\"Age\",\"Close Date\",\"Created Date\",\"Next Step\",\"Lead Source\",\"Type\"",
    rows: &[
        (
            "\"Ann Lee\",\"Burlington Textiles Corp of America\",\"Burlington Textiles Weaving Plant Generator\",\"Prospecting\",\"Q4-2026\",\"235000.00\",\"23500.00\",\"10\",\"169\",\"12/15/2026\",\"6/14/2026\",\"\",\"Web\",\"New Customer\"",
            "qualify",
            23500000,
        ),
        (
            "\"Ann Lee\",\"Edge Communications\",\"Edge Emergency Generator\",\"Id. Decision Makers\",\"Q1-2027\",\"75000.00\",\"45000.00\",\"60\",\"152\",\"1/20/2027\",\"7/1/2026\",\"\",\"Phone Inquiry\",\"Existing Customer - Replacement\"",
            "drive",
            7500000,
        ),
        (
            "\"Bo Berg\",\"Express Logistics and Transport\",\"Express Logistics Standby Generator\",\"Value Proposition\",\"Q1-2027\",\"220000.00\",\"110000.00\",\"50\",\"138\",\"2/28/2027\",\"7/15/2026\",\"\",\"External Referral\",\"Existing Customer - Upgrade\"",
            "drive",
            22000000,
        ),
        (
            "\"Bo Berg\",\"GenePoint\",\"GenePoint Lab Generators\",\"Proposal/Price Quote\",\"Q4-2026\",\"60000.00\",\"45000.00\",\"75\",\"121\",\"12/31/2026\",\"8/1/2026\",\"\",\"Partner\",\"New Customer\"",
            "propose",
            6000000,
        ),
        (
            "\"Ann Lee\",\"United Oil & Gas Corp.\",\"United Oil Refinery Generators\",\"Negotiation/Review\",\"Q4-2026\",\"270000.00\",\"243000.00\",\"90\",\"112\",\"12/20/2026\",\"8/10/2026\",\"Sign contract\",\"Partner\",\"New Customer\"",
            "negotiate",
            27000000,
        ),
        (
            "\"Ann Lee\",\"Grand Hotels & Resorts Ltd\",\"Grand Hotels Kitchen Generator\",\"Closed Won\",\"Q4-2026\",\"15000.00\",\"15000.00\",\"100\",\"71\",\"10/30/2026\",\"8/20/2026\",\"\",\"Web\",\"Existing Customer - Upgrade\"",
            "won",
            1500000,
        ),
        (
            "\"Bo Berg\",\"Pyramid Construction Inc.\",\"Pyramid Emergency Generators\",\"Closed Lost\",\"Q4-2026\",\"100000.00\",\"0.00\",\"0\",\"43\",\"10/14/2026\",\"9/1/2026\",\"\",\"Phone Inquiry\",\"New Customer\"",
            "lost",
            10000000,
        ),
        (
            "\"Bo Berg\",\"University of Arizona\",\"University of AZ Installations\",\"Closed Won\",\"Q4-2026\",\"100000.00\",\"100000.00\",\"100\",\"76\",\"11/20/2026\",\"9/5/2026\",\"\",\"Web\",\"Existing Customer - Upgrade\"",
            "won",
            10000000,
        ),
    ],
    footer: "\n\"Opportunity Pipeline\"\n\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n\"Confidential Information - Do Not Distribute\"\n\"Generated By:  Ann Lee  11/30/2026 9:15 AM\"\n\"Acme Generators\"\n",
    options: &[],
};

const CHINESE: Export = Export {
    file: "商机列表.csv",
    encoding: "gbk",
    header: "商机编号,商机名称,客户名称,金额,预计成交日期,阶段,负责人,创建时间,输单原因",
    rows: &[
        (
            "SJ20260601,华东仓储系统,上海甲科技有限公司,\"125,000.00\",2026/12/15,初步接洽,李伟,2026/06/14 09:20,\\N",
            "qualify",
            12500000,
        ),
        (
            "SJ20260702,华南门店改造,广州乙贸易有限公司,\"80,000.00\",2027/01/20,需求确认,王芳,2026/07/01 11:00,\\N",
            "drive",
            8000000,
        ),
        (
            "SJ20260703,西南物流平台,成都丙物流有限公司,\"230,500.50\",2027/02/28,方案报价,李伟,2026/07/15 12:00,\\N",
            "propose",
            23050050,
        ),
        (
            "SJ20260804,北方工厂自动化,天津丁制造有限公司,\"560,000.00\",2026/12/31,谈判审核,张敏,2026/08/01 13:00,\\N",
            "negotiate",
            56000000,
        ),
        (
            "SJ20260805,华中培训项目,武汉戊教育科技有限公司,\"45,000.00\",2026/10/30,赢单,王芳,2026/08/10 14:00,\\N",
            "won",
            4500000,
        ),
        (
            "SJ20260806,东北维保合同,沈阳己机械有限公司,\"98,000.00\",2026/11/20,赢单,张敏,2026/08/20 15:00,\\N",
            "won",
            9800000,
        ),
        (
            "SJ20260907,西北数据中心,西安庚信息有限公司,\"320,000.00\",2026/10/14,输单,李伟,2026/09/01 16:00,价格过高",
            "lost",
            32000000,
        ),
        (
            "SJ20260908,华北门禁升级,北京辛安防有限公司,\"66,000.00\",2026/12/20,初步接洽,王芳,2026/09/05 17:00,\\N",
            "qualify",
            6600000,
        ),
    ],
    footer: "",
    options: &[],
};

const SPANISH: Export = Export {
    file: "Oportunidades.csv",
    encoding: "windows-1252",
    header: "Propietario de la oportunidad;Nombre de la cuenta;Nombre de la oportunidad;Etapa;Importe;Probabilidad (%);Fecha de cierre;Fecha de creación;Motivo de pérdida",
    rows: &[
        (
            "Lucía Gómez;Construcciones Peña S.L.;Grupo electrógeno nave 2;Prospección;12.500,50;10;14/12/2026;14/06/2026;",
            "qualify",
            1250050,
        ),
        (
            "Lucía Gómez;Hoteles Mar Azul S.A.;Cocina industrial;Calificación;48.000,00;20;20/01/2027;01/07/2026;",
            "qualify",
            4800000,
        ),
        (
            "Andrés Núñez;Logística Ibérica;Carretillas eléctricas;Análisis de necesidades;125.000,00;25;28/02/2027;15/07/2026;",
            "drive",
            12500000,
        ),
        (
            "Andrés Núñez;Clínica San Martín;Climatización quirófanos;Propuesta/Presupuesto;60.000,00;75;31/12/2026;01/08/2026;",
            "propose",
            6000000,
        ),
        (
            "Lucía Gómez;Bodegas Añón;Línea de embotellado;Negociación/Revisión;270.000,00;90;20/12/2026;10/08/2026;",
            "negotiate",
            27000000,
        ),
        (
            "Andrés Núñez;Panadería Muñoz;Hornos de convección;Cerrada ganada;15.000,00;100;30/10/2026;20/08/2026;",
            "won",
            1500000,
        ),
        (
            "Lucía Gómez;Ayuntamiento de Jaén;Alumbrado público;Cerrada perdida;99.999,99;0;14/10/2026;01/09/2026;Precio",
            "lost",
            9999999,
        ),
        (
            "Andrés Núñez;Cerámicas Peñíscola;Hornos túnel;Cerrada ganada;210.000,00;100;20/11/2026;05/09/2026;",
            "won",
            21000000,
        ),
    ],
    footer: "",
    options: &[],
};

/// Bitrix24 deals in two currencies: the workspace takes the one the first
/// error offers, and a rate converts the other.
const BITRIX24_TWO_CURRENCIES: Export = Export {
    file: "deals_bitrix24_usd.csv",
    encoding: "utf-8",
    header: "ID,TITLE,STAGE_ID,CURRENCY_ID,OPPORTUNITY,CLOSEDATE,CLOSED,ASSIGNED_BY_ID,DATE_CREATE",
    rows: &[
        (
            "201,Станки,NEW,RUB,900000.00,15.12.2026,N,7,14.06.2026 09:20:00",
            "qualify",
            90000000,
        ),
        (
            "202,Export pumps,PREPARATION,USD,10000.00,20.12.2026,N,7,01.07.2026 11:00:00",
            "drive",
            90000000,
        ),
        (
            "203,Прессы,EXECUTING,RUB,450000.50,30.12.2026,N,8,15.07.2026 12:00:00",
            "negotiate",
            45000050,
        ),
        (
            "204,Export valves,WON,USD,2500.50,30.10.2026,Y,8,01.08.2026 13:00:00",
            "won",
            22504500,
        ),
        (
            "205,Фрезы,LOSE,RUB,120000.00,25.10.2026,Y,7,10.08.2026 14:00:00",
            "lost",
            12000000,
        ),
        (
            "206,Лазеры,WON,RUB,300000.00,13.11.2026,Y,8,20.08.2026 15:00:00",
            "won",
            30000000,
        ),
        (
            "207,Export seals,APOLOGY,USD,800.00,13.10.2026,Y,7,01.09.2026 16:00:00",
            "lost",
            7200000,
        ),
        (
            "208,Гидравлика,FINAL_INVOICE,RUB,75000.00,18.12.2026,N,8,05.09.2026 17:00:00",
            "close",
            7500000,
        ),
    ],
    footer: "",
    options: &["--currency", "RUB", "--rate", "USD=90"],
};

/// A Dynamics 365 view opened in Excel and saved as "Unicode Text": UTF-16
/// with a BOM, tab-separated.
const EXCEL_UNICODE_TEXT: Export = Export {
    file: "Opportunities.txt",
    encoding: "utf-16le",
    header: "Topic\tPotential Customer\tStatus\tStatus Reason\tSales Stage\tEst. Close Date\tEst. Revenue\tOwner\tCreated On",
    rows: &[
        (
            "Kälteanlage Halle 3\tMüller GmbH\tOpen\tIn Progress\tQualify\t15.12.2026\t48.000,00 €\tJürgen Weiß\t14.06.2026 09:20",
            "qualify",
            4800000,
        ),
        (
            "Wartungsvertrag 2027\tBäckerei Schön\tOpen\tIn Progress\tDevelop\t20.01.2027\t12.500,50 €\tJürgen Weiß\t01.07.2026 11:00",
            "drive",
            1250050,
        ),
        (
            "Druckluft Modernisierung\tStahlbau Größ AG\tOpen\tOn Hold\tPropose\t28.02.2027\t99.000,00 €\tAnna Kühn\t15.07.2026 12:00",
            "propose",
            9900000,
        ),
        (
            "Steuerung Linie 2\tMüller GmbH\tOpen\tIn Progress\tClose\t18.12.2026\t210.000,00 €\tAnna Kühn\t01.08.2026 13:00",
            "close",
            21000000,
        ),
        (
            "Ersatzteile 2026\tBäckerei Schön\tWon\tWon\tClose\t30.10.2026\t18.250,00 €\tJürgen Weiß\t10.08.2026 14:00",
            "won",
            1825000,
        ),
        (
            "Kältemittel Umstellung\tStahlbau Größ AG\tLost\tOut-Sold\tPropose\t14.10.2026\t75.000,00 €\tAnna Kühn\t20.08.2026 15:00",
            "lost",
            7500000,
        ),
        (
            "Schulung Bediener\tMüller GmbH\tLost\tCanceled\tQualify\t21.08.2026\t4.500,00 €\tJürgen Weiß\t01.09.2026 16:00",
            "lost",
            450000,
        ),
        (
            "Schaltschrank\tOptik Röhr KG\tWon\tWon\tClose\t20.11.2026\t33.000,00 €\tAnna Kühn\t05.09.2026 17:00",
            "won",
            3300000,
        ),
    ],
    footer: "",
    options: &[],
};

/// Every export, for the dump below.
const ALL: [&Export; 12] = [
    &DYNAMICS,
    &ZOHO,
    &BITRIX24,
    &VTIGER,
    &ODOO,
    &HUBSPOT,
    &PIPEDRIVE,
    &SALESFORCE_REPORT,
    &CHINESE,
    &SPANISH,
    &BITRIX24_TWO_CURRENCIES,
    &EXCEL_UNICODE_TEXT,
];

impl Export {
    /// The file's bytes, in its encoding, with CRLF line ends (Windows
    /// programs) for the encodings of Windows programs.
    fn bytes(&self) -> Vec<u8> {
        let crlf = self.encoding != "utf-8";
        let nl = if crlf { "\r\n" } else { "\n" };
        let mut text = format!("{}{nl}", self.header);
        for (line, _, _) in self.rows {
            text += line;
            text += nl;
        }
        text += &self.footer.replace('\n', nl);
        match self.encoding {
            "utf-8" => text.into_bytes(),
            "utf-8-bom" => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            "utf-16le" => {
                let mut b = vec![0xFF, 0xFE];
                for u in text.encode_utf16() {
                    b.extend(u.to_le_bytes());
                }
                b
            }
            label => {
                let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
                let (b, _, bad) = enc.encode(&text);
                assert!(!bad, "{label} cannot write {}", self.file);
                b.into_owned()
            }
        }
    }

    /// (stage or outcome, count, sum) per place, as the rows say.
    fn expected(&self) -> Vec<(String, usize, Money)> {
        let mut t: Vec<(String, usize, Money)> = Vec::new();
        for (_, place, cents) in self.rows {
            add(&mut t, place, Money(*cents));
        }
        t.sort();
        t
    }
}

fn add(t: &mut Vec<(String, usize, Money)>, key: &str, value: Money) {
    match t.iter_mut().find(|e| e.0 == key) {
        Some(e) => {
            e.1 += 1;
            e.2 += value;
        }
        None => t.push((key.to_owned(), 1, value)),
    }
}

/// (stage or outcome, count, sum) per place, as the workspace has them.
fn tally(ws: &Workspace) -> Vec<(String, usize, Money)> {
    let mut t = Vec::new();
    for o in &ws.opportunities {
        let key = match o.status() {
            Status::Open => o.stage.as_str().to_owned(),
            s => s.as_str().to_owned(),
        };
        add(&mut t, &key, o.value);
    }
    t.sort();
    t
}

fn import(sb: &Sandbox, ws: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    sb.funnel()
        .arg("--workspace")
        .arg(ws)
        .args(["--today", "2026-11-30", "import", "csv"])
        .arg(file)
        .args(extra)
        .output()
        .unwrap()
}

/// A new user's import: no options; when that fails, the first error must
/// name the options the export needs, and with them it imports. The totals
/// per stage and outcome are the file's; a second import changes nothing.
fn new_user(export: &Export) -> (Workspace, String) {
    let sb = Sandbox::new();
    let ws = sb.path("w.json");
    let file = sb.path(export.file);
    std::fs::write(&file, export.bytes()).unwrap();
    let first = import(&sb, &ws, &file, &[]);
    if !export.options.is_empty() {
        assert_eq!(first.status.code(), Some(2), "{}", stdout(&first));
        let err = stderr(&first);
        for option in export.options {
            let name = option.split(['=', ' ']).next().unwrap();
            assert!(err.contains(name), "{}: {err}", export.file);
        }
    }
    let out = match export.options {
        [] => first,
        options => import(&sb, &ws, &file, options),
    };
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let w = read_workspace(&ws);
    assert_eq!(tally(&w), export.expected(), "{}", export.file);
    assert_eq!(w.opportunities.len(), export.rows.len());
    let before = std::fs::read(&ws).unwrap();
    let again = import(&sb, &ws, &file, export.options);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    let n = export.rows.len();
    assert!(
        stdout(&again).contains(&format!("0 added, 0 updated, {n} unchanged")),
        "{}",
        stdout(&again)
    );
    assert_eq!(std::fs::read(&ws).unwrap(), before, "{}", export.file);
    (w, stdout(&out))
}

fn account_of<'w>(w: &'w Workspace, title: &str) -> &'w str {
    w.account(&deal(w, title).account).unwrap().name.as_str()
}

fn deal<'w>(w: &'w Workspace, title: &str) -> &'w funnel::domain::Opportunity {
    w.opportunities.iter().find(|o| o.title == title).unwrap()
}

#[test]
fn dynamics_365() {
    let (w, out) = new_user(&DYNAMICS);
    assert!(out.contains("source: dynamics"), "{out}");
    let o = deal(&w, "Chiller swap");
    assert_eq!(o.outcome.as_ref().unwrap().on.to_string(), "2026-09-15");
    assert_eq!(account_of(&w, "Pump refurbishment"), "Contoso Ltd");
}

#[test]
fn zoho() {
    let (w, out) = new_user(&ZOHO);
    assert!(out.contains("source: zoho"), "{out}");
    assert_eq!(
        deal(&w, "King kiosks").outcome.as_ref().unwrap().reason,
        "Price"
    );
    assert_eq!(w.settings.currency, "EUR");
}

#[test]
fn bitrix24() {
    let (w, out) = new_user(&BITRIX24);
    assert!(out.contains("source: bitrix24"), "{out}");
    assert_eq!(w.settings.currency, "RUB");
}

#[test]
fn vtiger() {
    let (w, _) = new_user(&VTIGER);
    assert_eq!(account_of(&w, "Mobile app"), "Acme Corp");
}

#[test]
fn odoo() {
    let (w, _) = new_user(&ODOO);
    assert_eq!(
        deal(&w, "Info about services")
            .outcome
            .as_ref()
            .unwrap()
            .reason,
        "Too expensive"
    );
}

#[test]
fn hubspot() {
    let (w, out) = new_user(&HUBSPOT);
    assert!(out.contains("source: hubspot"), "{out}");
    assert_eq!(
        deal(&w, "Globex services").outcome.as_ref().unwrap().reason,
        "Went with competitor"
    );
}

#[test]
fn pipedrive() {
    let (w, _) = new_user(&PIPEDRIVE);
    assert_eq!(account_of(&w, "Hooli deal"), "Hooli");
    assert_eq!(
        deal(&w, "Wayne deal").outcome.as_ref().unwrap().reason,
        "Price too high"
    );
    assert_eq!(w.settings.currency, "EUR");
}

#[test]
fn salesforce_report() {
    let (w, out) = new_user(&SALESFORCE_REPORT);
    assert!(out.contains("footer"), "{out}");
    assert_eq!(
        deal(&w, "Edge Emergency Generator")
            .expected_close
            .unwrap()
            .to_string(),
        "2027-01-20"
    );
}

#[test]
fn chinese_crm_in_gbk() {
    let (w, out) = new_user(&CHINESE);
    assert!(out.contains("GBK"), "{out}");
    assert_eq!(
        deal(&w, "西北数据中心").outcome.as_ref().unwrap().reason,
        "价格过高"
    );
    // `\N` is no reason
    assert_eq!(
        deal(&w, "华中培训项目").outcome.as_ref().unwrap().reason,
        ""
    );
}

#[test]
fn spanish_excel() {
    let (w, _) = new_user(&SPANISH);
    assert_eq!(account_of(&w, "Hornos túnel"), "Cerámicas Peñíscola");
}

#[test]
fn bitrix24_in_two_currencies() {
    let (w, out) = new_user(&BITRIX24_TWO_CURRENCIES);
    assert!(
        out.contains("workspace currency: RUB (--currency)"),
        "{out}"
    );
    assert_eq!(w.settings.currency, "RUB");
}

#[test]
fn excel_unicode_text() {
    let (w, out) = new_user(&EXCEL_UNICODE_TEXT);
    assert!(
        out.contains("UTF-16LE (BOM), cells separated by tab"),
        "{out}"
    );
    assert_eq!(account_of(&w, "Schaltschrank"), "Optik Röhr KG");
}

/// Writes every export to $CRMS_DIR, for trying them by hand.
#[test]
#[ignore]
fn dump() {
    let dir = std::env::var("CRMS_DIR").unwrap();
    for e in ALL {
        std::fs::write(Path::new(&dir).join(e.file), e.bytes()).unwrap();
        let expected: Vec<String> = e
            .expected()
            .iter()
            .map(|(k, n, v)| format!("{k}={n}/{}", v.cents() as f64 / 100.0))
            .collect();
        std::fs::write(
            Path::new(&dir).join(format!("{}.expected", e.file)),
            expected.join("\n"),
        )
        .unwrap();
    }
}
