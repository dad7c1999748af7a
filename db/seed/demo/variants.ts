/**
 * How the demo set names and describes each service: title patterns and what the partners do
 * together, by main category.
 */
import type { Slug } from "./categories";

/**
 * Title patterns with what the service does; `{N}` stands for the partners' names and the
 * phrase ends the sentence "<partners> work together to ...".
 */
export const VARIANTS: Record<Slug, readonly (readonly [title: string, what: string])[]> = {
  "revenues-and-benefits": [
    [
      "Shared revenues and benefits service: {N}",
      "collect council tax and business rates and assess housing benefit and council tax support claims",
    ],
    [
      "{N} revenues and benefits partnership",
      "run one revenues and benefits team with a single IT system and processing centre",
    ],
    [
      "Joint council tax and benefits team: {N}",
      "bill and collect council tax and administer benefits through one team",
    ],
  ],
  legal: [
    [
      "Shared legal service: {N}",
      "provide legal advice, conveyancing, litigation and contract work to all the partners",
    ],
    [
      "{N} legal services partnership",
      "run one legal team serving each partner's services and members",
    ],
    [
      "Joint legal and democratic services: {N}",
      "share legal advice, committee administration and electoral services",
    ],
  ],
  "management-teams": [
    [
      "Shared chief executive and management team: {N}",
      "share a chief executive and a single senior management team, while each council keeps its own identity and members",
    ],
    ["Joint senior management team: {N}", "share one senior management team across the councils"],
    ["Shared chief executive: {N}", "share a chief executive and a small joint leadership team"],
  ],
  "regulatory-services": [
    [
      "Joint building control partnership: {N}",
      "run one building control service, competing with approved inspectors",
    ],
    [
      "Shared environmental health service: {N}",
      "deliver food safety, pollution control and health and safety work through one team",
    ],
    [
      "Shared licensing team: {N}",
      "handle taxi, alcohol and entertainment licensing through a single team",
    ],
    [
      "{N} building control partnership",
      "provide building regulation approvals and inspections as one service",
    ],
  ],
  "procurement-and-commissioning": [
    [
      "Joint procurement hub: {N}",
      "buy goods, works and services through one procurement team and shared contracts",
    ],
    [
      "Shared procurement service: {N}",
      "let and manage contracts through a single procurement team",
    ],
    [
      "Joint commissioning and procurement team: {N}",
      "commission and procure jointly, combining their spending to get better prices",
    ],
  ],
  ict: [
    ["Shared ICT service: {N}", "run one ICT service, data centre and network"],
    [
      "Joint digital and ICT partnership: {N}",
      "share ICT infrastructure, application support and a digital team",
    ],
    [
      "Shared data centre and network: {N}",
      "host their systems in a shared data centre on one network",
    ],
  ],
  "hr-and-payroll": [
    [
      "Shared HR and payroll service: {N}",
      "run HR advice, recruitment and payroll as a single service",
    ],
    ["Joint payroll service: {N}", "pay their staff through one payroll system and team"],
    [
      "Shared learning and development: {N}",
      "train and develop their staff through a joint programme",
    ],
  ],
  "finance-and-audit": [
    [
      "Shared internal audit service: {N}",
      "share an internal audit team working to one audit plan and method",
    ],
    [
      "Joint finance team: {N}",
      "run accountancy, treasury management and insurance through one finance team",
    ],
    ["{N} audit partnership", "provide internal audit and risk management as one service"],
  ],
  "customer-services": [
    [
      "Shared contact centre: {N}",
      "answer residents' calls and online enquiries through a shared contact centre",
    ],
    [
      "Joint customer access service: {N}",
      "run joint customer service points and one online service",
    ],
  ],
  "counter-fraud": [
    [
      "Shared counter-fraud team: {N}",
      "investigate fraud against council services through one specialist team",
    ],
    [
      "Joint fraud investigation service: {N}",
      "tackle council tax, tenancy and procurement fraud through a shared corporate fraud team",
    ],
  ],
  "assets-and-property": [
    [
      "Shared property and estates service: {N}",
      "manage their property portfolios and estates through one team",
    ],
    [
      "Shared office accommodation: {N}",
      "share office buildings, bringing staff from several organisations under one roof",
    ],
    [
      "Shared facilities management: {N}",
      "run building maintenance, cleaning and security through one facilities team",
    ],
  ],
  "environment-waste-transport": [
    [
      "Joint waste collection contract: {N}",
      "collect household waste and recycling under one contract from shared depots",
    ],
    [
      "{N} waste partnership",
      "plan waste collection and disposal together to raise recycling and cut costs",
    ],
    [
      "Shared highways and parking team: {N}",
      "run highways maintenance and parking as one service",
    ],
    [
      "Joint street cleansing service: {N}",
      "keep streets and public spaces clean through one service",
    ],
    ["Shared parking enforcement: {N}", "enforce on-street and car park parking through one team"],
  ],
  "community-safety-emergency-planning": [
    [
      "Joint emergency planning unit: {N}",
      "plan for and respond to emergencies through a joint emergency planning unit",
    ],
    [
      "Shared community safety team: {N}",
      "tackle anti-social behaviour and crime through a shared community safety team",
    ],
    ["Shared CCTV control room: {N}", "monitor public space CCTV from one control room"],
  ],
  "adult-social-care": [
    [
      "Joint adult social care commissioning: {N}",
      "commission adult social care jointly, including care at home and residential care",
    ],
    [
      "Shared adult safeguarding team: {N}",
      "run adult safeguarding and quality assurance through a shared team",
    ],
    [
      "Integrated reablement service: {N}",
      "help people regain independence after illness or a hospital stay through one reablement service",
    ],
  ],
  "childrens-services-send": [
    [
      "Shared SEND service: {N}",
      "assess and support children with special educational needs and disabilities through one team",
    ],
    ["Shared adoption service: {N}", "recruit and support adopters through one adoption service"],
    [
      "Shared educational psychology service: {N}",
      "provide educational psychology to schools and families through one team",
    ],
    [
      "Joint youth offending service: {N}",
      "work with young people in the justice system through one youth offending team",
    ],
  ],
  "public-health": [
    [
      "Shared public health team: {N}",
      "share a director of public health and one public health team",
    ],
    [
      "Joint public health commissioning: {N}",
      "commission sexual health, drug and alcohol and health visiting services jointly",
    ],
  ],
  housing: [
    [
      "Shared housing options service: {N}",
      "give housing advice and prevent homelessness through one housing options team",
    ],
    [
      "Joint homelessness prevention team: {N}",
      "prevent and relieve homelessness through a shared team",
    ],
    [
      "Private sector housing partnership: {N}",
      "inspect and improve private rented housing through one team",
    ],
  ],
  planning: [
    ["Joint local plan team: {N}", "prepare a joint local plan with shared planning policy staff"],
    [
      "Shared planning policy service: {N}",
      "share planning policy, conservation and monitoring work",
    ],
    [
      "Shared development management: {N}",
      "decide planning applications through one development management team",
    ],
  ],
  "culture-leisure-libraries": [
    ["Shared library service: {N}", "run their libraries as one service with a shared catalogue"],
    ["Joint leisure contract: {N}", "manage leisure centres through one contract"],
    [
      "Shared archives and museums service: {N}",
      "look after archives and museum collections through one service",
    ],
  ],
  other: [
    [
      "Shared registration service: {N}",
      "register births, deaths and marriages through one service",
    ],
    ["Shared land charges service: {N}", "answer local land charges searches through one team"],
    ["Shared bereavement services: {N}", "run cemeteries and crematoria as one service"],
    ["Shared print and design service: {N}", "share a print, design and communications team"],
  ],
};

/** Upper-tier regulatory work is trading standards rather than district building control. */
export const UPPER_TIER_REGULATORY_VARIANTS = [
  [
    "Combined trading standards service: {N}",
    "run one trading standards service, including product safety and fair trading",
  ],
  [
    "Joint trading standards and animal health team: {N}",
    "protect consumers and enforce animal health rules through a single team",
  ],
] as const;
