// Request body definitions, transcribed from the reference schemas (schemas/*.json): property
// name, type and the required flag. Notation: `name:type` with s string, n number, i integer,
// b boolean, o object, a array, `@def` a nested definition, `[]` a list, `!` required non-null.
// Optional properties also accept null (the reference cannot tell optional from nullable).
export const BODY_DEFS: Record<string, string> = {
  'products.post':
    'productnumber:s active:b eannumber:s mpnnumber:s name:s! shortdescription:s description:s vatrate:n taxtariff:s price:n! discount:n! purchaseprice:n container_deposit_price:n safety_deposit_price:n credit_points_custom:i unit:s stockenabled:b stocktype:s stock:n stocklocation:s ordering_without_stock:s weight:n brand:s brand_id:i condition:s condition_id:i color_id:i maincategory:s subcategory:s package_id:i! meta_description:s meta_keywords:s page_title:s no_index:b no_follow:b alias:s specs:s decimal_amount:i amount_sold:n minimal_order_amount:n stock_delivery_number:i stock_delivery_type:s stock_delivery_standard:s show_in_template:b show_on_beginpage:b show_on_facebook:b show_order_button:s product_layout:i photo_size:s hide_without_category:s memo:s supplier_id:i fixed_staggered_prices:b marktplaats_active:b marktplaats_status:s marktplaats_cpc:n marktplaats_daily_budget:n marktplaats_total_budget:n marktplaats_category_id:i marktplaats_price_type:s google_shopping_category:s is_included_for_export_feed:b',
  'products.patch':
    'productnumber:s active:b eannumber:s mpnnumber:s name:s shortdescription:s description:s vatrate:n taxtariff:s price:n discount:n purchaseprice:n container_deposit_price:n safety_deposit_price:n credit_points_custom:i unit:s stockenabled:b stocktype:s stock:n stocklocation:s ordering_without_stock:s weight:n brand:s brand_id:i condition_id:i color_id:i condition:s maincategory:s subcategory:s package_id:i meta_description:s meta_keywords:s page_title:s no_index:b no_follow:b alias:s specs:s decimal_amount:i amount_sold:n minimal_order_amount:n stock_delivery_number:i stock_delivery_type:s stock_delivery_standard:s show_in_template:b show_on_beginpage:b show_on_facebook:b show_order_button:s product_layout:i photo_size:s hide_without_category:s memo:s supplier_id:i fixed_staggered_prices:b marktplaats_active:b marktplaats_status:s marktplaats_cpc:n marktplaats_daily_budget:n marktplaats_total_budget:n marktplaats_category_id:i marktplaats_price_type:s google_shopping_category:s is_included_for_export_feed:b',
  'productphotos.post':
    'file_type:s! alttext:s source:s! is_mainphoto:b',
  'productphotos.patch':
    'alttext:s is_mainphoto:b',
  'productphotos.put':
    'productphotos:@productphotos.post[]!',
  'categories.post':
    'name:s! description:s description_bottom:s description_photo_position:s description_photo_size:s description_photo_source:s description_photo_file_type:s searchwords:s layout_of_products_id:i color:i color_alternative:i layout_of_categories_id:i photo_source:s photo_file_type:s show_big_photo:b productphoto_in_canvas:b show_orderbutton:b orderby:s items_per_page:i position:i show_on_website:b parentcategory_id:i meta_description:s meta_keywords:s page_title:s no_index:b no_follow:b alias:s',
  'categories.patch':
    'name:s description:s description_bottom:s searchwords:s description_photo_position:s description_photo_size:s description_photo_source:s description_photo_file_type:s layout_of_products_id:i color:i color_alternative:i layout_of_categories_id:i photo_source:s photo_file_type:s show_big_photo:b productphoto_in_canvas:b show_orderbutton:b orderby:s items_per_page:i position:i show_on_website:b parentcategory_id:i meta_description:s meta_keywords:s page_title:s no_index:b no_follow:b alias:s',
  'producttocategories.post':
    'position:i product_id:i! category_id:i!',
  'producttocategories.patch':
    'position:i',
  'attributes.input':
    'name:s! type:s!',
  'attributevalues.post':
    'name:s! default_price:n!',
  'attributevalues.patch':
    'name:s default_price:n',
  'productattributevalues.post':
    'optionvalue:i! price:n! position:i stock:n enable:b',
  'productattributevalues.patch':
    'optionposition:i position:i price:n enable:b',
  'attributecombinations.patch':
    'note:s stock:n product_number:s ean_number:s sku_number:s delivery_time:i delivery_time_type:s delivery_default_text:s active:b',
  'productpropertygroups.post':
    'name:s!',
  'productpropertygroups.patch':
    'name:s!',
  'productproperties.post':
    'parent:i name:s! description:s position:i icon:s type:s',
  'productproperties.patch':
    'parent:i name:s description:s position:i icon:s type:s',
  'productpropertyoptions.post':
    'name:s! position:i',
  'productpropertyoptions.patch':
    'name:s! position:i',
  'productpropertyvalues.post':
    'product_id:i! product_property_id:i! value:s!',
  'productpropertyvalues.patch':
    'value:s!',
  'producttopropertygroups.post':
    'product_id:i! product_property_group_id:i!',
  'orders.post':
    'invoicenumber:i is_completed:b paid:b safety_deposit_returned:b total_shipping:n paymethod_costs:n extra_costs:n extra_costs_description:s taxes_included:b order_row_taxes_included:b shipping_taxes_included:b is_intra_community_order:b currency:s is_platform_sale:b orderedinlng:s status:i track_and_trace_code:s track_and_trace_carrier:s deliver_date:s deliver_method:s takeoutslot:i reservationnumber:s customer:@personalinfo.input! user_id:i orderrows:@orderrow.input[]!',
  'orders.patch':
    'invoicenumber:i paid:b safety_deposit_returned:b total_shipping:n paymethod_costs:n extra_costs:n extra_costs_description:s taxes_included:b order_row_taxes_included:b shipping_taxes_included:b is_intra_community_order:b currency:s is_platform_sale:b orderedinlng:s status:i note:s track_and_trace_code:s track_and_trace_carrier:s mail:b deliver_date:s deliver_method:s takeoutslot:i reservationnumber:s customer:@personalinfo.input orderrows:@orderrow.input[]',
  'orderrows.patch':
    'count:n price:n discount:n',
  'orderrows.put':
    'orderrows:@orderrow.input[]!',
  'orderrow.input':
    'product_type:s auto_create_deposit_rows:b product_id:i product_name:s product_number:s count:n! price:n product_purchase_price:n discount:n tax:n unit:s weight:n memo:s package_id:i attribute_combination_id:n',
  'personalinfo.input':
    'billingaddress:@personalinfo.input.Billingaddress deliveryaddress:@personalinfo.input.Deliveryaddress email:s customertype:s bankaccount:s bankname:s bank:s tenname:s iban:s bic:s reference:s reservationnumber:s income:s branche:s branch:s website:s clubcity:s clubcomment:s clubname:s beurs:s stand:s fair:s booth:s carbrand:s cartype:s carweight:s birthdate:s birthtime:s birthplace:s cardnumber:s btw:s kvk:s costcentre:s findus:s ssnnumber:s zzppass:s',
  'personalinfo.input.Billingaddress':
    'gender:s initials:s first_name:s last_name:s full_name:s company:s address_line_1:s address_line_2:s street:s housenumber:i housenumber_suffix:s zipcode:s city:s province:s country:s country_code:s telephone:s fax:s mobile:s comment:s',
  'personalinfo.input.Deliveryaddress':
    'gender:s initials:s full_name:s company:s address_line_1:s address_line_2:s street:s housenumber:i housenumber_suffix:s zipcode:s city:s province:s country:s country_code:s telephone:s mobile:s comment:s',
  'ordernotes.post':
    'note:s',
  'users.post':
    'username:s! password:s! encryption:s group_id:i gender:s status:b product_in_category_discount:s userinfo:@personalinfo',
  'users.patch':
    'username:s password:s encryption:s group_id:i status:b approval_status:s product_in_category_discount:s userinfo:@personalinfo',
  'personalinfo':
    'billingaddress:@personalinfo.Billingaddress deliveryaddress:@personalinfo.Deliveryaddress email:s customertype:s bankaccount:s iban:s bic:s bank:s tenname:s bankname:s reference:s reservationnumber:s income:s branche:s branch:s website:s clubcity:s clubcomment:s clubname:s beurs:s stand:s fair:s booth:s carbrand:s cartype:s carweight:s birthdate:s birthtime:s birthplace:s cardnumber:s btw:s kvk:s costcentre:s findus:s ssnnumber:s zzppass:s',
  'personalinfo.Billingaddress':
    'gender:s initials:s first_name:s last_name:s full_name:s company:s address_line_1:s address_line_2:s street:s housenumber:i housenumber_suffix:s zipcode:s city:s province:s country:s country_code:s telephone:s fax:s mobile:s comment:s',
  'personalinfo.Deliveryaddress':
    'gender:s initials:s full_name:s company:s address_line_1:s address_line_2:s street:s housenumber:i housenumber_suffix:s zipcode:s city:s province:s country:s country_code:s telephone:s mobile:s comment:s',
  'webhooks.post':
    'event:s! address:s! is_active:b',
  'webhooks.patch':
    'address:s is_active:b',
  'packages.input':
    'name:s!',
  'brands.input':
    'name:s!',
  'suppliers.input':
    'name:s!',
  'conditions.input':
    'name:s!',
  'settings.put':
    'languages:s[] webshop_enabled:b webshop_disabled_title:s webshop_disabled_text:s',
};
