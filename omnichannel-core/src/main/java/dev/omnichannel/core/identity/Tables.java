package dev.omnichannel.core.identity;

import com.google.common.collect.ImmutableMap;

/** The default normalisation tables; see {@link IdentityConfig}. */
final class Tables {
  private Tables() {}

  static final ImmutableMap<String, String> NICKNAMES =
      table(
          "abby abigail",
          "al albert",
          "alex alexander",
          "andy andrew",
          "annie anne",
          "becky rebecca",
          "ben benjamin",
          "beth elizabeth",
          "bill william",
          "billy william",
          "bob robert",
          "bobby robert",
          "charlie charles",
          "chris christopher",
          "chuck charles",
          "dan daniel",
          "danny daniel",
          "dave david",
          "debbie deborah",
          "dick richard",
          "ed edward",
          "eddie edward",
          "fred frederick",
          "greg gregory",
          "harry henry",
          "jack john",
          "jake jacob",
          "jim james",
          "jimmy james",
          "jen jennifer",
          "jenny jennifer",
          "jess jessica",
          "joe joseph",
          "johnny john",
          "kate katherine",
          "kathy katherine",
          "katie katherine",
          "larry lawrence",
          "liz elizabeth",
          "lizzie elizabeth",
          "maggie margaret",
          "matt matthew",
          "meg margaret",
          "mike michael",
          "mick michael",
          "nick nicholas",
          "pat patrick",
          "patty patricia",
          "peggy margaret",
          "pete peter",
          "rick richard",
          "rob robert",
          "robbie robert",
          "ron ronald",
          "sam samuel",
          "steve stephen",
          "sue susan",
          "ted edward",
          "tim timothy",
          "tom thomas",
          "tommy thomas",
          "tony anthony",
          "vicky victoria",
          "will william");

  static final ImmutableMap<String, String> ADDRESS_ABBREVIATIONS =
      table(
          "apt apartment",
          "av avenue",
          "ave avenue",
          "blvd boulevard",
          "cct circuit",
          "cir circle",
          "cl close",
          "cres crescent",
          "crt court",
          "ct court",
          "dr drive",
          "esp esplanade",
          "gr grove",
          "hts heights",
          "hwy highway",
          "ln lane",
          "mt mount",
          "pde parade",
          "pkwy parkway",
          "pl place",
          "rd road",
          "sq square",
          "st street",
          "str street",
          "tce terrace",
          "tpke turnpike",
          "vlg village",
          "vlge village");

  private static ImmutableMap<String, String> table(String... pairs) {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builder();
    for (String pair : pairs) {
      int space = pair.indexOf(' ');
      b.put(pair.substring(0, space), pair.substring(space + 1));
    }
    return b.buildOrThrow();
  }
}
