/// The words of the law the rules apply, quoted exactly from the versions recorded in
/// `Corpus/reference/droit/` (each file there says where the text was taken and its
/// version date). Keep both in step when the law changes.
enum LawTexts {
    /// CGCT art. L1115-1, al. 1 (version in force since 6 August 2021, loi n° 2021-1031).
    static let l1115_1_al1 =
        "Dans le respect des engagements internationaux de la France, les collectivités territoriales et leurs groupements peuvent mettre en œuvre ou soutenir toute action internationale annuelle ou pluriannuelle de coopération, d'aide au développement ou à caractère humanitaire."
    /// CGCT art. L1115-1, al. 2, first sentence.
    static let l1115_1_conventions =
        "A cette fin, les collectivités territoriales et leurs groupements peuvent, le cas échéant, conclure des conventions avec des autorités locales étrangères."
    /// CGCT art. L1115-1, al. 2, second sentence.
    static let l1115_1_content =
        "Ces conventions précisent l'objet des actions envisagées et le montant prévisionnel des engagements financiers."
    /// CGCT art. L1115-1, al. 2, third sentence.
    static let l1115_1_entryIntoForce =
        "Elles entrent en vigueur dès leur transmission au représentant de l'Etat dans les conditions fixées aux articles L. 2131-1, L. 2131-2, L. 3131-1, L. 3131-2, L. 4141-1 et L. 4141-2."
    /// CGCT art. L1115-5, al. 1 (version in force since 7 December 2016, loi n° 2016-1657).
    static let l1115_5 =
        "Une collectivité territoriale ou un groupement de collectivités territoriales ne peut conclure une convention avec un Etat étranger, sauf dans les cas prévus par la loi ou lorsqu'il s'agit d'un accord destiné à permettre la création d'un groupement européen de coopération territoriale, d'un groupement eurorégional de coopération ou d'un groupement local de coopération transfrontalière. Dans ce dernier cas, la signature de l'accord est préalablement autorisée par le représentant de l'Etat dans la région."
    /// CGCT art. L1115-1-1 (loi n° 2005-95 du 9 février 2005, dite Oudin-Santini, extended to
    /// electricity and gas; LEGI text via the etalab/codes-juridiques-francais mirror).
    static let l1115_1_1 =
        "Les communes, les établissements publics de coopération intercommunale et les syndicats mixtes chargés des services publics de distribution d'eau potable et d'assainissement ou du service public de distribution d'électricité et de gaz peuvent, dans la limite de 1 % des ressources qui sont affectées aux budgets de ces services, mener des actions de coopération avec les collectivités territoriales étrangères et leurs groupements, dans le cadre des conventions prévues à l'article L. 1115-1, des actions d'aide d'urgence au bénéfice de ces collectivités et groupements, ainsi que des actions de solidarité internationale dans les domaines de l'eau et de l'assainissement et de la distribution publique d'électricité et de gaz."
    /// CGCT art. L1115-2, 1 % déchets (loi n° 2014-773 du 7 juillet 2014; LEGI text via the
    /// etalab/codes-juridiques-francais mirror).
    static let l1115_2 =
        "Les communes, les établissements publics de coopération intercommunale et les syndicats mixtes compétents en matière de collecte et de traitement des déchets des ménages au sens de l'article L. 2224-13 ou percevant la taxe ou la redevance d'enlèvement des ordures ménagères peuvent mener, dans la limite de 1 % des ressources qui sont affectées aux budgets de ces services et dans le cadre de l'article L. 1115-1, des actions de coopération, d'aide au développement ou à caractère humanitaire dans les domaines de la collecte et du traitement des déchets des ménages."
    /// CGCT art. L1115-3 (1 % mobilité, loi n° 2019-1428 d'orientation des mobilités).
    static let l1115_3 =
        "Les autorités organisatrices de la mobilité en application du I de l'article L. 1231-1 du code des transports, les communes continuant à organiser des services de mobilité en application du II du même article L. 1231-1 et l'établissement public « Île-de-France Mobilités » mentionné à l'article L. 1241-1 du même code peuvent, dans la limite de 1 % des ressources affectées aux budgets des services de mobilité, hors versement destiné au financement des services de mobilité, financer sur ces budgets des actions de coopération avec les collectivités territoriales étrangères et leurs groupements, dans le cadre des conventions prévues à l'article L. 1115-1 du présent code, des actions d'aide d'urgence au bénéfice de ces collectivités et groupements ainsi que des actions de solidarité internationale dans le domaine de la mobilité."
    /// CGCT art. L1115-1, al. 2, as written by loi n° 2007-147 du 2 février 2007 (Thiollière),
    /// JORF du 6 février 2007: humanitarian action without a convention when urgent.
    static let thiolliere2007 =
        "En outre, si l'urgence le justifie, les collectivités territoriales et leurs groupements peuvent mettre en oeuvre ou financer des actions à caractère humanitaire."
}
