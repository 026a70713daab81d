<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AboutLauncher</name>
    <message>
        <source>&amp;About pcdesk</source>
        <translation>關於 pcdesk(&amp;A)</translation>
    </message>
    <message>
        <source>About pcdesk</source>
        <translation>關於 pcdesk</translation>
    </message>
    <message>
        <source>pcdesk {version}</source>
        <translation>pcdesk {version}</translation>
    </message>
    <message>
        <source>Your Partner Center customers, on your desk.

Database: {database}
Qt {qt}, Python {python}
MIT License, © the pcdesk authors</source>
        <translation>把您在合作夥伴中心的客戶搬到桌面上。

資料庫：{database}
Qt {qt}，Python {python}
MIT 授權，© pcdesk 作者群</translation>
    </message>
</context>
<context>
    <name>AcceptRequestDialog</name>
    <message>
        <source>Mark request accepted</source>
        <translation>將要求標示為已接受</translation>
    </message>
    <message>
        <source>Once the customer&apos;s Global admin has accepted your invitation, Partner Center lists the customer with its Microsoft ID and initial domain. Type them as Partner Center shows them: pcdesk adds the customer, or links the customer that already has them.</source>
        <translation>客戶的全域管理員接受您的邀請後，合作夥伴中心會列出該客戶及其 Microsoft 識別碼與初始網域。請依合作夥伴中心顯示的內容輸入：pcdesk 會新增此客戶，或連結已有這些值的客戶。</translation>
    </message>
    <message>
        <source>Once the customer&apos;s Global admin has accepted your invitation, Partner Center lists it among your customers. These are the Microsoft ID and initial domain pcdesk has for it: check them against Partner Center.</source>
        <translation>客戶的全域管理員接受您的邀請後，合作夥伴中心會將其列入您的客戶清單。以下是 pcdesk 中此客戶的 Microsoft 識別碼與初始網域：請與合作夥伴中心的資料核對。</translation>
    </message>
    <message>
        <source>{company} (prospect)</source>
        <translation>{company} (潛在客戶)</translation>
    </message>
    <message>
        <source>contoso</source>
        <translation>contoso</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客戶：</translation>
    </message>
    <message>
        <source>&amp;Microsoft ID:</source>
        <translation>Microsoft 識別碼(&amp;M)：</translation>
    </message>
    <message>
        <source>Initial &amp;domain:</source>
        <translation>初始網域(&amp;D)：</translation>
    </message>
    <message>
        <source>Mark &amp;accepted</source>
        <translation>標示為已接受(&amp;A)</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked.</source>
        <translation>未儲存任何內容：請更正標示的欄位。</translation>
    </message>
    <message>
        <source>This request no longer exists: another workstation may have removed it.</source>
        <translation>此要求已不存在：可能已被另一部工作站移除。</translation>
    </message>
</context>
<context>
    <name>AcceptanceEmailDialog</name>
    <message>
        <source>Ask the customer to accept the agreement</source>
        <translation>請客戶接受合約</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Traditional Chinese (繁體中文)</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件者(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主旨(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>內容(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Open in email</source>
        <translation>在電子郵件中開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>複製到剪貼簿(&amp;C)</translation>
    </message>
    <message>
        <source>No mail program opened the e-mail. Its subject and text are on the clipboard: paste them into a new message.</source>
        <translation>沒有郵件程式開啟此電子郵件。其主旨與內文已複製到剪貼簿：請貼到新郵件中。</translation>
    </message>
    <message>
        <source>The e-mail is open in your mail program.</source>
        <translation>電子郵件已在您的郵件程式中開啟。</translation>
    </message>
    <message>
        <source>The e-mail is too long to hand to your mail program whole, so its text is on the clipboard: paste it into the message, replacing the note there.</source>
        <translation>電子郵件太長，無法完整交給您的郵件程式，因此內文已複製到剪貼簿：請貼到郵件中，取代其中的附註。</translation>
    </message>
    <message>
        <source>The subject and the text are on the clipboard.</source>
        <translation>主旨與內文已複製到剪貼簿。</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>The domain can never be changed afterwards.</source>
        <translation>網域日後無法再變更。</translation>
    </message>
    <message>
        <source>Company details</source>
        <translation>公司詳細資料</translation>
    </message>
    <message>
        <source>Company name:</source>
        <translation>公司名稱：</translation>
    </message>
    <message>
        <source>Country/region:</source>
        <translation>國家/地區：</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要連絡人</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>名字：</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>姓氏：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>電子郵件：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>電話：</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>網域</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>網域：</translation>
    </message>
    <message>
        <source>Other details</source>
        <translation>其他詳細資料</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>語言：</translation>
    </message>
    <message>
        <source>Organization registration ID:</source>
        <translation>組織註冊識別碼：</translation>
    </message>
    <message>
        <source>Indirect reseller:</source>
        <translation>間接轉銷商：</translation>
    </message>
    <message>
        <source>Phone (optional):</source>
        <translation>電話 (選填)：</translation>
    </message>
    <message>
        <source>Choose a reseller from the list, or None.</source>
        <translation>請從清單中選擇轉銷商，或選擇「無」。</translation>
    </message>
    <message>
        <source>A customer&apos;s domain cannot be changed.</source>
        <translation>客戶的網域無法變更。</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Account info</source>
        <translation>帳戶資訊</translation>
    </message>
    <message>
        <source>The customer&apos;s company, primary contact and domain, as Partner Center asks.</source>
        <translation>客戶的公司、主要連絡人與網域，與合作夥伴中心要求的相同。</translation>
    </message>
    <message>
        <source>&amp;Next: Subscriptions</source>
        <translation>下一步：訂用帳戶(&amp;N)</translation>
    </message>
    <message>
        <source>Microsoft Customer Agreement</source>
        <translation>Microsoft 客戶合約</translation>
    </message>
    <message>
        <source>{fields} and {count} more</source>
        <translation>{fields} 等另外 {count} 項</translation>
    </message>
    <message>
        <source>To go on, complete or correct: {fields}.</source>
        <translation>若要繼續，請填寫或更正：{fields}。</translation>
    </message>
</context>
<context>
    <name>AccountTab</name>
    <message>
        <source>E&amp;dit</source>
        <translation>編輯(&amp;D)</translation>
    </message>
    <message>
        <source>Change the account&apos;s details</source>
        <translation>變更帳戶的詳細資料</translation>
    </message>
    <message>
        <source>A customer&apos;s country/region cannot be changed.</source>
        <translation>客戶的國家/地區無法變更。</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>儲存(&amp;V)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Leave the account as it is saved (Esc)</source>
        <translation>保留帳戶目前已儲存的內容 (Esc)</translation>
    </message>
    <message>
        <source>Not known yet: Edit to add it</source>
        <translation>尚未得知：請按「編輯」新增</translation>
    </message>
    <message>
        <source>Microsoft ID</source>
        <translation>Microsoft 識別碼</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>關係</translation>
    </message>
    <message>
        <source>Account status</source>
        <translation>帳戶狀態</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增時間</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when}，由 {who}</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>上次變更</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s country/region: it cannot be changed later.</source>
        <translation>請選擇客戶的國家/地區：日後無法變更。</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked.</source>
        <translation>未儲存任何內容：請更正標示的欄位。</translation>
    </message>
    <message>
        <source>Nothing was saved: {problem}</source>
        <translation>未儲存任何內容：{problem}</translation>
    </message>
    <message>
        <source>Nothing was saved: this customer no longer exists.</source>
        <translation>未儲存任何內容：此客戶已不存在。</translation>
    </message>
    <message>
        <source>Another workstation saved the same changes first; nothing else changed.</source>
        <translation>另一部工作站已先儲存了相同的變更，其他內容沒有變動。</translation>
    </message>
    <message>
        <source>Another workstation changed this customer first. Nothing was saved.</source>
        <translation>另一部工作站已先變更此客戶，未儲存任何內容。</translation>
    </message>
    <message>
        <source>Your changes are kept. Save to replace the values another workstation saved.</source>
        <translation>已保留您的變更。儲存即可取代另一部工作站儲存的值。</translation>
    </message>
    <message>
        <source>The form shows the values now saved.</source>
        <translation>表單顯示的是目前已儲存的值。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
</context>
<context>
    <name>AddCustomerLauncher</name>
    <message>
        <source>&amp;Add customer…</source>
        <translation>新增客戶(&amp;A)…</translation>
    </message>
    <message>
        <source>Indirect resellers cannot add customers. Request a reseller relationship with the customer instead.</source>
        <translation>間接轉銷商無法新增客戶，請改為向客戶要求建立轉銷商關係。</translation>
    </message>
    <message>
        <source>Add a new customer with a new Microsoft tenant (Ctrl+N)</source>
        <translation>以新的 Microsoft 租用戶新增客戶 (Ctrl+N)</translation>
    </message>
    <message>
        <source>You have a draft for {company}, saved {when}. Resume it?</source>
        <translation>您有一份「{company}」的草稿，儲存於 {when}。要繼續編輯嗎？</translation>
    </message>
    <message>
        <source>a new customer</source>
        <translation>新客戶</translation>
    </message>
    <message>
        <source>Add customer</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <source>&amp;Resume draft</source>
        <translation>繼續編輯草稿(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation>重新開始(&amp;S)</translation>
    </message>
</context>
<context>
    <name>AddCustomerWizard</name>
    <message>
        <source>Add customer</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <source>Return to Re&amp;view</source>
        <translation>返回檢閱(&amp;V)</translation>
    </message>
    <message>
        <source>Go straight back to Review, keeping everything else as it was</source>
        <translation>直接返回檢閱頁面，其他內容保持不變</translation>
    </message>
    <message>
        <source>Nothing was saved: {problem}</source>
        <translation>未儲存任何內容：{problem}</translation>
    </message>
    <message>
        <source>Close without keeping the sign-in details?</source>
        <translation>不保留登入詳細資料就關閉？</translation>
    </message>
    <message>
        <source>The temporary password is not saved anywhere and cannot be shown again. Copy or print the sign-in details first.</source>
        <translation>暫時密碼不會儲存在任何地方，也無法再次顯示。請先複製或列印登入詳細資料。</translation>
    </message>
    <message>
        <source>&amp;Go back</source>
        <translation>返回(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Close anyway</source>
        <translation>仍要關閉(&amp;C)</translation>
    </message>
    <message>
        <source>Keep what you entered for this customer?</source>
        <translation>要保留您為此客戶輸入的內容嗎？</translation>
    </message>
    <message>
        <source>A draft can be resumed the next time you choose Add customer.</source>
        <translation>下次選擇「新增客戶」時，可以繼續編輯草稿。</translation>
    </message>
    <message>
        <source>&amp;Keep as draft</source>
        <translation>保留為草稿(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>捨棄(&amp;D)</translation>
    </message>
</context>
<context>
    <name>AddOffersDialog</name>
    <message>
        <source>Add offers — {company}</source>
        <translation>新增供應項目 — {company}</translation>
    </message>
    <message>
        <source>Choose offers and license counts, add them to the cart, then order.</source>
        <translation>選擇供應項目與授權數量，加入購物車後再訂購。</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>訂購(&amp;O)</translation>
    </message>
    <message>
        <source>{offer}: {problem}</source>
        <translation>{offer}：{problem}</translation>
    </message>
    <message>
        <source>Nothing was ordered: {problems}</source>
        <translation>未訂購任何項目：{problems}</translation>
    </message>
</context>
<context>
    <name>AddressRows</name>
    <message>
        <source>{label}:</source>
        <translation>{label}：</translation>
    </message>
    <message>
        <source>{label} (optional):</source>
        <translation>{label} (選填)：</translation>
    </message>
    <message>
        <source>for example {example}</source>
        <translation>例如 {example}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>請選擇…</translation>
    </message>
</context>
<context>
    <name>AgreementForm</name>
    <message>
        <source>The customer has accepted the Microsoft Customer Agreement</source>
        <translation>客戶已接受 Microsoft 客戶合約</translation>
    </message>
    <message>
        <source>The customer will accept it in the Microsoft 365 admin center</source>
        <translation>客戶將在 Microsoft 365 系統管理中心接受合約</translation>
    </message>
    <message>
        <source>The customer&apos;s admin gets a link to accept it: {url}. Until then, no subscriptions can be ordered for this customer.</source>
        <translation>客戶的系統管理員會收到接受合約的連結：{url}。在此之前，無法為此客戶訂購任何訂用帳戶。</translation>
    </message>
    <message>
        <source>Signer first name:</source>
        <translation>簽署者名字：</translation>
    </message>
    <message>
        <source>Signer last name:</source>
        <translation>簽署者姓氏：</translation>
    </message>
    <message>
        <source>Signer email:</source>
        <translation>簽署者電子郵件：</translation>
    </message>
    <message>
        <source>Signer phone (optional):</source>
        <translation>簽署者電話 (選填)：</translation>
    </message>
    <message>
        <source>Date accepted:</source>
        <translation>接受日期：</translation>
    </message>
</context>
<context>
    <name>AgreementTab</name>
    <message>
        <source>Confirm &amp;acceptance…</source>
        <translation>確認接受(&amp;A)…</translation>
    </message>
    <message>
        <source>Record that the customer accepted the agreement, with signer and date</source>
        <translation>記錄客戶已接受合約，以及簽署者與日期</translation>
    </message>
    <message>
        <source>In Partner Center</source>
        <translation>在合作夥伴中心</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>再次檢查(&amp;G)</translation>
    </message>
    <message>
        <source>Ask the customer by &amp;e-mail…</source>
        <translation>以電子郵件詢問客戶(&amp;E)…</translation>
    </message>
    <message>
        <source>Local record (kept in pcdesk only: Partner Center no longer takes a partner&apos;s attestation from a desktop app)</source>
        <translation>本機記錄（僅保存在 pcdesk 中：合作夥伴中心已不再接受來自桌面應用程式的合作夥伴證明）</translation>
    </message>
    <message>
        <source>Checking with Partner Center…</source>
        <translation>正在向合作夥伴中心檢查…</translation>
    </message>
    <message>
        <source>The customer&apos;s admin accepts it in the Microsoft 365 admin center ({url}). Until it is accepted, no subscriptions can be ordered and no licenses added.</source>
        <translation>客戶的系統管理員要在 Microsoft 365 系統管理中心 ({url}) 接受合約。接受之前，無法訂購訂用帳戶，也無法增加授權。</translation>
    </message>
    <message>
        <source>The customer has accepted the Microsoft Customer Agreement (checked {when}).</source>
        <translation>客戶已接受 Microsoft 客戶合約（檢查時間：{when}）。</translation>
    </message>
    <message>
        <source>The customer has not accepted the Microsoft Customer Agreement yet (checked {when}). Its admin accepts it in the Microsoft 365 admin center; pcdesk checks again on its own every few minutes.</source>
        <translation>客戶尚未接受 Microsoft 客戶合約（檢查時間：{when}）。客戶的系統管理員需在 Microsoft 365 系統管理中心接受；pcdesk 每隔幾分鐘會自動再次檢查。</translation>
    </message>
    <message>
        <source>Partner Center could not be asked: {reason}</source>
        <translation>無法向合作夥伴中心查詢：{reason}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Microsoft Customer Agreement</source>
        <translation>Microsoft 客戶合約</translation>
    </message>
    <message>
        <source>Microsoft Cloud Agreement</source>
        <translation>Microsoft 雲端合約</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>合約</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>簽署者</translation>
    </message>
    <message>
        <source>Date accepted</source>
        <translation>接受日期</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>記錄時間</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when}，由 {who}</translation>
    </message>
    <message>
        <source>Correct the fields marked.</source>
        <translation>請更正標示的欄位。</translation>
    </message>
    <message>
        <source>Another workstation changed this customer meanwhile. Nothing was recorded. The agreement is still pending: confirm again to record the acceptance.</source>
        <translation>另一部工作站在此期間變更了此客戶，未記錄任何內容。合約仍在等待接受：請再確認一次以記錄接受。</translation>
    </message>
    <message>
        <source>Another workstation recorded the agreement first. Nothing was recorded; what is saved now is shown.</source>
        <translation>另一部工作站已先記錄合約，未記錄任何內容；目前顯示的是已儲存的內容。</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Offer</source>
        <translation>供應項目</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Billing plan</source>
        <translation>計費方案</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>授權</translation>
    </message>
    <message>
        <source>Price / month</source>
        <translation>每月價格</translation>
    </message>
    <message>
        <source>Monthly total</source>
        <translation>每月總計</translation>
    </message>
    <message>
        <source>Price per license per month</source>
        <translation>每個授權的每月價格</translation>
    </message>
    <message>
        <source>Not sold in {country} — remove it or choose the same offer for {country}.</source>
        <translation>{country}未販售 — 請移除，或改選{country}的相同供應項目。</translation>
    </message>
    <message>
        <source>Choose from {low} to {high} licenses of this offer.</source>
        <translation>此供應項目請選擇 {low} 到 {high} 個授權。</translation>
    </message>
</context>
<context>
    <name>CartWidget</name>
    <message>
        <source>Cart</source>
        <translation>購物車</translation>
    </message>
    <message>
        <source>No subscriptions yet. Choose an offer above and click Add to cart.</source>
        <translation>尚無訂用帳戶。請在上方選擇供應項目，然後按一下「加入購物車」。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected line from the cart (Delete)</source>
        <translation>從購物車移除選取的項目 (Delete)</translation>
    </message>
    <message>
        <source>{offer}: now {count} licenses (was {before}).</source>
        <translation>{offer}：現在為 {count} 個授權（原為 {before} 個）。</translation>
    </message>
    <message>
        <source>{offer}: at most {count} licenses, so the cart holds {count}.</source>
        <translation>{offer}：最多 {count} 個授權，因此購物車中為 {count} 個。</translation>
    </message>
    <message>
        <source>Added {count} licenses to {offer}: {total} in all.</source>
        <translation>已為 {offer} 加入 {count} 個授權：共 {total} 個。</translation>
    </message>
    <message>
        <source>Added {offer}, {count} licenses.</source>
        <translation>已加入 {offer}，{count} 個授權。</translation>
    </message>
    <message>
        <source>Add to cart</source>
        <translation>加入購物車</translation>
    </message>
    <message>
        <source>{offer} is already in the cart with {count} licenses.</source>
        <translation>{offer} 已在購物車中，有 {count} 個授權。</translation>
    </message>
    <message>
        <source>Change the line to {count} licenses, or add them?</source>
        <translation>要將此項目改為 {count} 個授權，還是加上這些授權？</translation>
    </message>
    <message>
        <source>&amp;Change to {count}</source>
        <translation>改為 {count}(&amp;C)</translation>
    </message>
    <message>
        <source>A&amp;dd {count} (total {total})</source>
        <translation>加上 {count}（共 {total}）(&amp;D)</translation>
    </message>
    <message>
        <source>Monthly total: {amount}</source>
        <translation>每月總計：{amount}</translation>
    </message>
    <message>
        <source>{offer}: {problem}</source>
        <translation>{offer}：{problem}</translation>
    </message>
    <message>
        <source>…and {more} more.</source>
        <translation>…還有 {more} 項。</translation>
    </message>
</context>
<context>
    <name>ConfirmAgreementDialog</name>
    <message>
        <source>Confirm acceptance</source>
        <translation>確認接受</translation>
    </message>
    <message>
        <source>Record that {company} accepted the Microsoft Customer Agreement: who signed it, and on which day.</source>
        <translation>記錄「{company}」已接受 Microsoft 客戶合約：簽署者及簽署日期。</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>確認(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ConfirmationPage</name>
    <message>
        <source>Customer added</source>
        <translation>已新增客戶</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>Microsoft ID:</source>
        <translation>Microsoft 識別碼：</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>網域：</translation>
    </message>
    <message>
        <source>Admin user name:</source>
        <translation>系統管理員使用者名稱：</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>暫時密碼：</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy {what}</source>
        <translation>複製{what}</translation>
    </message>
    <message>
        <source>Copy &amp;all sign-in details</source>
        <translation>複製所有登入詳細資料(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>{company} has been added. Give the customer&apos;s admin these sign-in details; the password must be changed the first time they sign in.</source>
        <translation>已新增「{company}」。請將這些登入資訊提供給客戶的系統管理員；首次登入時必須變更密碼。</translation>
    </message>
    <message>
        <source>Copy or print the sign-in details now: the temporary password is not saved anywhere and cannot be shown again once you click Done.</source>
        <translation>請立即複製或列印登入詳細資料：暫時密碼不會儲存在任何地方，按一下 [完成] 後就無法再次顯示。</translation>
    </message>
    <message>
        <source>All sign-in details copied to the clipboard.</source>
        <translation>已將所有登入詳細資料複製到剪貼簿。</translation>
    </message>
    <message>
        <source>Sign-in details</source>
        <translation>登入詳細資料</translation>
    </message>
    <message>
        <source>Sign-in details sent to the printer.</source>
        <translation>已將登入詳細資料傳送到印表機。</translation>
    </message>
    <message>
        <source>Customer saved, not yet in Partner Center</source>
        <translation>客戶已儲存，尚未在合作夥伴中心建立</translation>
    </message>
    <message>
        <source>{why} Partner Center makes the admin&apos;s temporary password when it creates the customer: Pending changes shows it then.</source>
        <translation>{why}合作夥伴中心會在建立客戶時產生系統管理員的暫時密碼，屆時會顯示在「待處理的變更」中。</translation>
    </message>
    <message>
        <source>(given by Partner Center when created)</source>
        <translation>（建立時由合作夥伴中心指派）</translation>
    </message>
    <message>
        <source>The domain is checked again with Partner Center before the customer is sent.</source>
        <translation>傳送客戶之前，會再向合作夥伴中心檢查一次網域。</translation>
    </message>
    <message>
        <source>{what} copied to the clipboard.</source>
        <translation>已將{what}複製到剪貼簿。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Customer changed</source>
        <translation>客戶已變更</translation>
    </message>
    <message>
        <source>Another workstation changed {company} while you were editing it. Nothing was saved.</source>
        <translation>您編輯「{company}」時，另一部工作站變更了它，未儲存任何內容。</translation>
    </message>
    <message>
        <source>In bold: what the other workstation changed.</source>
        <translation>粗體：另一部工作站變更的內容。</translation>
    </message>
    <message>
        <source>Use the saved values, or keep your changes and save them over the saved values?</source>
        <translation>要使用已儲存的值，還是保留您的變更並覆寫已儲存的值？</translation>
    </message>
    <message>
        <source>&amp;Use the saved values</source>
        <translation>使用已儲存的值(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keep my changes</source>
        <translation>保留我的變更(&amp;K)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的值</translation>
    </message>
    <message>
        <source>Saved now</source>
        <translation>目前已儲存</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空白)</translation>
    </message>
</context>
<context>
    <name>CustomerCountLabel</name>
    <message>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <source>1 customer</source>
        <translation>1 位客戶</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customers</source>
        <translation>
            <numerusform>%Ln 位客戶</numerusform>
        </translation>
    </message>
    <message>
        <source>No match</source>
        <translation>沒有相符的客戶</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 位相符</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln 位相符</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDetailPane</name>
    <message>
        <source>Account</source>
        <translation>帳戶</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>合約</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>訂用帳戶</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>關係</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷程記錄</translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>未選取客戶</translation>
    </message>
    <message>
        <source>This customer no longer exists: another workstation may have removed it.</source>
        <translation>此客戶已不存在：可能已被另一部工作站移除。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未儲存的變更</translation>
    </message>
    <message>
        <source>Save your changes to {company}?</source>
        <translation>要儲存您對「{company}」所做的變更嗎？</translation>
    </message>
    <message>
        <source>If you don&apos;t save them, they are lost.</source>
        <translation>如果不儲存，變更將會遺失。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>捨棄(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CustomerExporter</name>
    <message>
        <source>E&amp;xport customers…</source>
        <translation>匯出客戶(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the customers to a CSV file (Partner Center&apos;s columns, then every account detail) that Excel can open</source>
        <translation>將客戶儲存為 Excel 可開啟的 CSV 檔案 (先是合作夥伴中心的欄位，接著是所有帳戶詳細資料)</translation>
    </message>
    <message>
        <source>Export the customer that matches the current search and filters, or all {total} customers?</source>
        <translation>要匯出符合目前搜尋與篩選條件的客戶，還是全部 {total} 位客戶？</translation>
    </message>
    <message>
        <source>Export the {matching} customers that match the current search and filters, or all {total} customers?</source>
        <translation>要匯出符合目前搜尋與篩選條件的 {matching} 位客戶，還是全部 {total} 位客戶？</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>匯出客戶</translation>
    </message>
    <message>
        <source>&amp;Matching</source>
        <translation>符合條件的客戶(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>全部(&amp;A)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>There are no customers to export yet.</source>
        <translation>目前還沒有可匯出的客戶。</translation>
    </message>
    <message>
        <source>Exporting customers to {file}…
{done} of {total} customers</source>
        <translation>正在將客戶匯出至 {file}…
{done} / {total} 位客戶</translation>
    </message>
    <message>
        <source>1 customer exported to {file}.</source>
        <translation>已將 1 位客戶匯出至 {file}。</translation>
    </message>
    <message>
        <source>{count} customers exported to {file}.</source>
        <translation>已將 {count} 位客戶匯出至 {file}。</translation>
    </message>
    <message>
        <source>The customers could not be exported.</source>
        <translation>無法匯出客戶。</translation>
    </message>
    <message>
        <source>The customers could not be exported. {file} was left as it was.</source>
        <translation>無法匯出客戶。{file} 維持原狀。</translation>
    </message>
    <message>
        <source>The customers could not be exported. No file was written.</source>
        <translation>無法匯出客戶。未寫入任何檔案。</translation>
    </message>
</context>
<context>
    <name>CustomerFilterBar</name>
    <message>
        <source>Company name, domain or Microsoft ID</source>
        <translation>公司名稱、網域或 Microsoft 識別碼</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>搜尋客戶</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜尋(&amp;S)：</translation>
    </message>
    <message>
        <source>All relationships</source>
        <translation>所有關係</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待處理</translation>
    </message>
    <message>
        <source>Former</source>
        <translation>已結束</translation>
    </message>
    <message>
        <source>&amp;Relationship:</source>
        <translation>關係(&amp;R)：</translation>
    </message>
    <message>
        <source>All agreement states</source>
        <translation>所有合約狀態</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未記錄</translation>
    </message>
    <message>
        <source>A&amp;greement:</source>
        <translation>合約(&amp;G)：</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有標籤</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>標籤(&amp;T)：</translation>
    </message>
    <message>
        <source>All resellers</source>
        <translation>所有轉銷商</translation>
    </message>
    <message>
        <source>None (billed directly)</source>
        <translation>無 (直接計費)</translation>
    </message>
    <message>
        <source>Indirect r&amp;eseller:</source>
        <translation>間接轉銷商(&amp;E)：</translation>
    </message>
    <message>
        <source>All countries/regions</source>
        <translation>所有國家/地區</translation>
    </message>
    <message>
        <source>C&amp;ountry/region:</source>
        <translation>國家/地區(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <source>Domain</source>
        <translation>網域</translation>
    </message>
    <message>
        <source>Microsoft ID</source>
        <translation>Microsoft 識別碼</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>複製(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy the Microsoft ID</source>
        <translation>複製 Microsoft 識別碼</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>網域：</translation>
    </message>
    <message>
        <source>Microsoft ID:</source>
        <translation>Microsoft 識別碼：</translation>
    </message>
    <message>
        <source>Not yet in Partner Center: its creation waits in Partner &gt; Pending changes.</source>
        <translation>尚未在合作夥伴中心建立：建立作業正在「合作夥伴 &gt; 待處理的變更」中等候。</translation>
    </message>
    <message>
        <source>No longer in Partner Center.</source>
        <translation>已不在合作夥伴中心。</translation>
    </message>
    <message>
        <source>(given by Partner Center when created)</source>
        <translation>（建立時由合作夥伴中心指派）</translation>
    </message>
</context>
<context>
    <name>CustomerImporter</name>
    <message>
        <source>Customers added: {added}. Customers updated: {updated}.</source>
        <translation>已新增客戶：{added}。已更新客戶：{updated}。</translation>
    </message>
    <message>
        <source>unchanged {count}</source>
        <translation>未變更 {count}</translation>
    </message>
    <message>
        <source>duplicates {count}</source>
        <translation>重複 {count}</translation>
    </message>
    <message>
        <source>invalid {count}</source>
        <translation>無效 {count}</translation>
    </message>
    <message>
        <source>Rows left as they were: {rows}.</source>
        <translation>維持原狀的資料列：{rows}。</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>匯入客戶(&amp;I)…</translation>
    </message>
    <message>
        <source>Indirect resellers cannot add customers. Request a reseller relationship with the customer instead.</source>
        <translation>間接轉銷商無法新增客戶，請改為向客戶要求建立轉銷商關係。</translation>
    </message>
    <message>
        <source>Add or update customers from Partner Center&apos;s Customers.csv or a pcdesk export</source>
        <translation>從合作夥伴中心的 Customers.csv 或 pcdesk 匯出檔新增或更新客戶</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>匯入客戶</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在讀取 {file}…</translation>
    </message>
    <message>
        <source>Importing {count} customers from {file}…</source>
        <translation>正在從 {file} 匯入 {count} 位客戶…</translation>
    </message>
    <message>
        <source>{file} is imported.</source>
        <translation>已匯入 {file}。</translation>
    </message>
    <message>
        <source>The customers could not be imported. Nothing was written.</source>
        <translation>無法匯入客戶。未寫入任何內容。</translation>
    </message>
    <message>
        <source>{file} could not be read.</source>
        <translation>無法讀取 {file}。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was written.</source>
        <translation>已取消匯入。未寫入任何內容。</translation>
    </message>
    <message>
        <source>The preview is still open: you can import again.</source>
        <translation>預覽仍開啟中：您可以再次匯入。</translation>
    </message>
    <message>
        <source>&amp;Preview again</source>
        <translation>重新預覽(&amp;P)</translation>
    </message>
</context>
<context>
    <name>CustomerListSelection</name>
    <message>
        <source>No customers match “{search}”.</source>
        <translation>沒有符合「{search}」的客戶。</translation>
    </message>
    <message>
        <source>No customers match these filters.</source>
        <translation>沒有符合這些篩選條件的客戶。</translation>
    </message>
    <message>
        <source>Show all customers</source>
        <translation>顯示所有客戶</translation>
    </message>
    <message>
        <source>No customers yet.</source>
        <translation>尚無客戶。</translation>
    </message>
    <message>
        <source>Add customer ({shortcut})</source>
        <translation>新增客戶 ({shortcut})</translation>
    </message>
    <message>
        <source>Import customers…</source>
        <translation>匯入客戶…</translation>
    </message>
</context>
<context>
    <name>CustomerRowMenu</name>
    <message>
        <source>Copy &amp;Microsoft ID</source>
        <translation>複製 Microsoft 識別碼(&amp;M)</translation>
    </message>
    <message>
        <source>Copy &amp;domain</source>
        <translation>複製網域(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit account info</source>
        <translation>編輯帳戶資訊(&amp;E)</translation>
    </message>
    <message>
        <source>E&amp;xport selected…</source>
        <translation>匯出選取項目(&amp;X)…</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n &amp;Microsoft IDs</source>
        <translation>
            <numerusform>複製 %n 個 Microsoft 識別碼(&amp;M)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copy %n &amp;domains</source>
        <translation>
            <numerusform>複製 %n 個網域(&amp;D)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>E&amp;xport %n selected customers…</source>
        <translation>
            <numerusform>匯出 %n 個選取的客戶(&amp;X)…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerSearchBox</name>
    <message>
        <source>Search by company name, domain or Microsoft ID</source>
        <translation>依公司名稱、網域或 Microsoft 識別碼搜尋</translation>
    </message>
    <message>
        <source>Matching customers</source>
        <translation>相符的客戶</translation>
    </message>
    <message>
        <source>No customer matches “{text}”.</source>
        <translation>沒有符合「{text}」的客戶。</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Company name</source>
        <translation>公司名稱</translation>
    </message>
    <message>
        <source>Primary domain</source>
        <translation>主要網域</translation>
    </message>
    <message>
        <source>Microsoft ID</source>
        <translation>Microsoft 識別碼</translation>
    </message>
    <message>
        <source>Country/region</source>
        <translation>國家/地區</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>關係</translation>
    </message>
    <message>
        <source>Indirect reseller</source>
        <translation>間接轉銷商</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>訂用帳戶</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>合約</translation>
    </message>
    <message>
        <source>Date added</source>
        <translation>新增日期</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>The customer list could not be read: the database is busy or cannot be reached. Try again in a moment.</source>
        <translation>無法讀取客戶清單：資料庫忙碌中或無法連線。請稍後再試。</translation>
    </message>
</context>
<context>
    <name>DeviceCodeDialog</name>
    <message>
        <source>Sign in to Partner Center</source>
        <translation>登入合作夥伴中心</translation>
    </message>
    <message>
        <source>On a phone or another computer, open {address} and enter this code. Sign in with your work account; this window closes by itself once you have.</source>
        <translation>請在手機或另一部電腦上開啟 {address}，並輸入此代碼。使用您的公司帳戶登入；登入完成後此視窗會自動關閉。</translation>
    </message>
    <message>
        <source>&amp;Copy the code</source>
        <translation>複製代碼(&amp;C)</translation>
    </message>
</context>
<context>
    <name>DomainField</name>
    <message>
        <source>Checking whether the domain is free…</source>
        <translation>正在檢查網域是否可用…</translation>
    </message>
    <message>
        <source>Enter a domain prefix.</source>
        <translation>請輸入網域前置詞。</translation>
    </message>
</context>
<context>
    <name>HeldOrders</name>
    <message>
        <source>An order is held in Pending changes. {reason}</source>
        <translation>有一筆訂單保留在「待處理的變更」中。{reason}</translation>
    </message>
    <message>
        <source>Place the held order</source>
        <translation>下保留的訂單</translation>
    </message>
    <message>
        <source>Partner Center now takes orders for this customer. Place the order that was held?</source>
        <translation>合作夥伴中心現在接受此客戶的訂單。要下先前保留的訂單嗎？</translation>
    </message>
    <message>
        <source>&amp;Place order</source>
        <translation>下訂單(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>稍後(&amp;N)</translation>
    </message>
    <message>
        <source>The held order is placed in Partner Center.</source>
        <translation>已在合作夥伴中心下保留的訂單。</translation>
    </message>
    <message>
        <source>Its subscriptions appear when provisioned.</source>
        <translation>佈建完成後會顯示其訂用帳戶。</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人員</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷程記錄</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>尚無任何記錄。</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未變更</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>無效</translation>
    </message>
    <message>
        <source>{count} new</source>
        <translation>新增 {count}</translation>
    </message>
    <message>
        <source>{count} to update</source>
        <translation>待更新 {count}</translation>
    </message>
    <message>
        <source>{count} unchanged</source>
        <translation>未變更 {count}</translation>
    </message>
    <message>
        <source>{count} duplicates</source>
        <translation>重複 {count}</translation>
    </message>
    <message>
        <source>{count} invalid</source>
        <translation>無效 {count}</translation>
    </message>
    <message>
        <source>{count} duplicate</source>
        <translation>重複 {count}</translation>
    </message>
    <message>
        <source>The file has no customers.</source>
        <translation>檔案中沒有任何客戶。</translation>
    </message>
    <message>
        <source>Changes {fields}</source>
        <translation>變更：{fields}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空白)</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import customers</source>
        <translation>匯入客戶</translation>
    </message>
    <message>
        <source>All rows ({count})</source>
        <translation>所有資料列 ({count})</translation>
    </message>
    <message>
        <source>{fate} ({count})</source>
        <translation>{fate} ({count})</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>顯示(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Skip the invalid row and import the others</source>
        <translation>略過無效的資料列，匯入其他資料列(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Skip the {count} invalid rows and import the others</source>
        <translation>略過 {count} 個無效的資料列，匯入其他資料列(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>a pcdesk export</source>
        <translation>pcdesk 匯出檔</translation>
    </message>
    <message>
        <source>a Partner Center customer list</source>
        <translation>合作夥伴中心的客戶清單</translation>
    </message>
    <message>
        <source>{file} is {kind}. Nothing has been imported yet.</source>
        <translation>{file} 是{kind}。目前尚未匯入任何內容。</translation>
    </message>
    <message>
        <source>Each row sets every account detail it holds. A row whose Microsoft ID is already in pcdesk updates that customer; the initial domain never changes.</source>
        <translation>每一列會設定其中包含的所有帳戶詳細資料。Microsoft 識別碼已在 pcdesk 中的資料列會更新該客戶；初始網域永遠不會變更。</translation>
    </message>
    <message>
        <source>Partner Center&apos;s file gives the company name, domain, relationship and tags. New customers get those; their address, contact and language stay empty until you edit the account. Customers already in pcdesk keep their other details.</source>
        <translation>合作夥伴中心的檔案提供公司名稱、網域、關係與標籤。新客戶只會有這些資料；其地址、連絡人與語言會保持空白，直到您編輯帳戶為止。已在 pcdesk 中的客戶則保留其他詳細資料。</translation>
    </message>
    <message>
        <source>Select a row to see all of it here.</source>
        <translation>選取一列，即可在此查看完整內容。</translation>
    </message>
    <message>
        <source>Line {line}: {company}, {domain}, {id} — {fate}</source>
        <translation>第 {line} 行：{company}，{domain}，{id} — {fate}</translation>
    </message>
    <message>
        <source>(no company name)</source>
        <translation>(無公司名稱)</translation>
    </message>
    <message>
        <source>(no domain)</source>
        <translation>(無網域)</translation>
    </message>
    <message>
        <source>(no Microsoft ID)</source>
        <translation>(無 Microsoft 識別碼)</translation>
    </message>
    <message>
        <source>Nothing to import but invalid rows: fix the file and import it again.</source>
        <translation>只有無效的資料列，沒有可匯入的內容：請修正檔案後再匯入一次。</translation>
    </message>
    <message>
        <source>Nothing to import: no row adds or changes a customer.</source>
        <translation>沒有可匯入的內容：沒有任何資料列會新增或變更客戶。</translation>
    </message>
    <message>
        <source>Invalid rows are not imported. Fix them in the file and import it again, or tick the box above to import the other rows now.</source>
        <translation>無效的資料列不會匯入。請在檔案中修正後再匯入一次，或勾選上方的方塊，立即匯入其他資料列。</translation>
    </message>
    <message>
        <source>Import writes 1 customer.</source>
        <translation>匯入會寫入 1 位客戶。</translation>
    </message>
    <message>
        <source>Import writes {count} customers in one step: all of them, or none if it fails or you cancel.</source>
        <translation>匯入會一次寫入 {count} 位客戶：全部寫入，或在失敗或您取消時全部不寫入。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Microsoft ID</source>
        <translation>Microsoft 識別碼</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名稱</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>網域</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{partner} — pcdesk</source>
        <translation>{partner} — pcdesk</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>開啟資料庫(&amp;O)…</translation>
    </message>
    <message>
        <source>Open another pcdesk database file</source>
        <translation>開啟另一個 pcdesk 資料庫檔案</translation>
    </message>
    <message>
        <source>Import &amp;price list…</source>
        <translation>匯入價目表(&amp;P)…</translation>
    </message>
    <message>
        <source>Import Partner Center&apos;s license-based price list (CSV)</source>
        <translation>匯入合作夥伴中心的授權型價目表 (CSV)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit pcdesk</source>
        <translation>結束 pcdesk</translation>
    </message>
    <message>
        <source>&amp;Find customers</source>
        <translation>尋找客戶(&amp;F)</translation>
    </message>
    <message>
        <source>Search by company name, domain or Microsoft ID</source>
        <translation>依公司名稱、網域或 Microsoft 識別碼搜尋</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>Read the list again (changes from other workstations)</source>
        <translation>重新讀取清單 (包括其他工作站的變更)</translation>
    </message>
    <message>
        <source>Show &amp;all customers</source>
        <translation>顯示所有客戶(&amp;A)</translation>
    </message>
    <message>
        <source>Clear the search and the filters</source>
        <translation>清除搜尋與篩選條件</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Customers</source>
        <translation>客戶(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>合作夥伴(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>開啟資料庫</translation>
    </message>
    <message>
        <source>pcdesk databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>pcdesk 資料庫 (*.sqlite3 *.sqlite *.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import price list</source>
        <translation>匯入價目表</translation>
    </message>
    <message>
        <source>Price lists (*.csv);;All files (*)</source>
        <translation>價目表 (*.csv);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>OfferPicker</name>
    <message>
        <source>Search offers</source>
        <translation>搜尋供應項目</translation>
    </message>
    <message>
        <source>Words of the offer&apos;s name, description or product ID</source>
        <translation>供應項目名稱、描述或產品識別碼中的字詞</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>發行者</translation>
    </message>
    <message>
        <source>Billing type</source>
        <translation>計費類型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>發行者(&amp;P)：</translation>
    </message>
    <message>
        <source>B&amp;illing type:</source>
        <translation>計費類型(&amp;I)：</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>類別(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Term:</source>
        <translation>期限(&amp;T)：</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>授權</translation>
    </message>
    <message>
        <source>&amp;Licenses:</source>
        <translation>授權(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Add to cart</source>
        <translation>加入購物車(&amp;A)</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>供應項目</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Choose the customer&apos;s country or region to see the offers sold there.</source>
        <translation>請選擇客戶的國家或地區，以查看當地販售的供應項目。</translation>
    </message>
    <message>
        <source>No offers for {country} in the catalog. Import a price list with File &gt; Import price list…</source>
        <translation>目錄中沒有{country}的供應項目。請透過 [檔案] &gt; [匯入價目表…] 匯入價目表。</translation>
    </message>
    <message>
        <source>No offers match your search</source>
        <translation>沒有符合搜尋條件的供應項目</translation>
    </message>
    <message>
        <source>1 offer</source>
        <translation>1 個供應項目</translation>
    </message>
    <message numerus="yes">
        <source>%Ln offers</source>
        <translation>
            <numerusform>%Ln 個供應項目</numerusform>
        </translation>
    </message>
    <message>
        <source>From {low} to {high} licenses of this offer</source>
        <translation>此供應項目可購買 {low} 到 {high} 個授權</translation>
    </message>
</context>
<context>
    <name>OfferTableModel</name>
    <message>
        <source>Product ID: {product_id}  SKU ID: {sku_id}</source>
        <translation>產品識別碼：{product_id}  SKU 識別碼：{sku_id}</translation>
    </message>
    <message>
        <source>{price} per license for {term}</source>
        <translation>每個授權 {price}，期限 {term}</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>供應項目</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Billing plan</source>
        <translation>計費方案</translation>
    </message>
    <message>
        <source>Price / license / month</source>
        <translation>每個授權每月價格</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>pcdesk</source>
        <translation>pcdesk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PartnerCenterChanges</name>
    <message>
        <source>Licences: {before} → {after}</source>
        <translation>授權：{before} → {after}</translation>
    </message>
    <message>
        <source>Monthly price: {before} → {after}</source>
        <translation>每月價格：{before} → {after}</translation>
    </message>
    <message>
        <source>Status: {before} → {after}</source>
        <translation>狀態：{before} → {after}</translation>
    </message>
    <message>
        <source>Licences can be reduced, or the subscription cancelled, until {deadline}.</source>
        <translation>可在 {deadline} 之前減少授權或取消訂閱。</translation>
    </message>
    <message>
        <source>The window for reducing or cancelling has closed.</source>
        <translation>減少授權或取消訂閱的期限已過。</translation>
    </message>
    <message>
        <source>Change in Partner Center</source>
        <translation>在合作夥伴中心變更</translation>
    </message>
    <message>
        <source>&amp;Apply in Partner Center</source>
        <translation>在合作夥伴中心套用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keep as it is</source>
        <translation>保持不變(&amp;K)</translation>
    </message>
    <message>
        <source>Done in Partner Center: {offer}.</source>
        <translation>已在合作夥伴中心完成：{offer}。</translation>
    </message>
</context>
<context>
    <name>PartnerCenterLauncher</name>
    <message>
        <source>&amp;Sign in to Partner Center…</source>
        <translation>登入合作夥伴中心(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign in with your work account, to sync with Partner Center</source>
        <translation>使用您的公司帳戶登入，以便與合作夥伴中心同步</translation>
    </message>
    <message>
        <source>Sign &amp;out of Partner Center</source>
        <translation>登出合作夥伴中心(&amp;O)</translation>
    </message>
    <message>
        <source>Forget your Partner Center sign-in</source>
        <translation>清除您的合作夥伴中心登入資訊</translation>
    </message>
    <message>
        <source>S&amp;ync with Partner Center</source>
        <translation>與合作夥伴中心同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Bring in Partner Center&apos;s customers, resellers and subscriptions</source>
        <translation>取得合作夥伴中心的客戶、轉銷商與訂用帳戶</translation>
    </message>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>同步衝突(&amp;C)…</translation>
    </message>
    <message>
        <source>Fields changed both here and in Partner Center, for you to settle</source>
        <translation>在此處與合作夥伴中心都有變更的欄位，待您決定</translation>
    </message>
    <message>
        <source>&amp;Pending changes…</source>
        <translation>待處理的變更(&amp;P)…</translation>
    </message>
    <message>
        <source>Changes waiting to reach Partner Center: send, retry, edit or cancel them</source>
        <translation>等待送達合作夥伴中心的變更：傳送、重試、編輯或取消</translation>
    </message>
    <message>
        <source>Partner Center</source>
        <translation>合作夥伴中心</translation>
    </message>
    <message>
        <source>Partner Center: using the token in {variable}</source>
        <translation>合作夥伴中心：使用 {variable} 中的權杖</translation>
    </message>
    <message>
        <source>Partner Center: signed in as {account}</source>
        <translation>合作夥伴中心：已以 {account} 登入</translation>
    </message>
    <message>
        <source>Partner Center: not signed in</source>
        <translation>合作夥伴中心：尚未登入</translation>
    </message>
    <message>
        <source>syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>sending pending changes…</source>
        <translation>正在傳送待處理的變更…</translation>
    </message>
    <message>
        <source>pending changes: {count}</source>
        <translation>待處理的變更：{count}</translation>
    </message>
    <message>
        <source>last synced {when}</source>
        <translation>上次同步 {when}</translation>
    </message>
    <message>
        <source>sync interrupted (the next one goes on)</source>
        <translation>同步已中斷（下次同步會繼續）</translation>
    </message>
    <message>
        <source>Sign in to Partner Center</source>
        <translation>登入合作夥伴中心</translation>
    </message>
    <message>
        <source>Sign in with your work account. Partner Center asks for multi-factor authentication.</source>
        <translation>請使用您的公司帳戶登入。合作夥伴中心會要求多重要素驗證。</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation>使用瀏覽器登入(&amp;B)</translation>
    </message>
    <message>
        <source>Use a code on &amp;another device</source>
        <translation>在其他裝置上使用代碼(&amp;A)</translation>
    </message>
    <message>
        <source>Syncing with Partner Center…</source>
        <translation>正在與合作夥伴中心同步…</translation>
    </message>
    <message>
        <source>&amp;Settle conflicts…</source>
        <translation>解決衝突(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>PartnerCenterPanel</name>
    <message>
        <source>Partner Center</source>
        <translation>合作夥伴中心</translation>
    </message>
    <message>
        <source>Create the default GDAP relationship (Partner Center&apos;s default roles for new customers)</source>
        <translation>建立預設的 GDAP 關係（合作夥伴中心為新客戶提供的預設角色）</translation>
    </message>
    <message>
        <source>Partner Center&apos;s enableGDAPByDefault: a granular delegated admin relationship with its default roles is made with the customer. Assign your security groups to its roles afterwards.</source>
        <translation>合作夥伴中心的 enableGDAPByDefault：會與客戶建立具有預設角色的細微委派管理員關係。之後請將您的安全性群組指派給這些角色。</translation>
    </message>
    <message>
        <source>Partner Center checks the address when you submit (not signed in).</source>
        <translation>合作夥伴中心會在您提交時檢查地址（尚未登入）。</translation>
    </message>
    <message>
        <source>Checking the address with Partner Center…</source>
        <translation>正在向合作夥伴中心檢查地址…</translation>
    </message>
    <message>
        <source>(Partner Center: {detail})</source>
        <translation>（合作夥伴中心：{detail}）</translation>
    </message>
    <message>
        <source>Click a suggestion to use it, or keep the address as it is.</source>
        <translation>按一下建議的地址即可使用，或保留目前的地址。</translation>
    </message>
    <message>
        <source>Click a suggestion to use it.</source>
        <translation>按一下建議的地址即可使用。</translation>
    </message>
    <message>
        <source>Use: {address}</source>
        <translation>使用：{address}</translation>
    </message>
    <message>
        <source>The address could not be checked with Partner Center: {reason}</source>
        <translation>無法向合作夥伴中心檢查地址：{reason}</translation>
    </message>
    <message>
        <source>Partner Center&apos;s suggestion is in the address: {address}.</source>
        <translation>已在地址中套用合作夥伴中心的建議：{address}。</translation>
    </message>
</context>
<context>
    <name>PartnerProfileDialog</name>
    <message>
        <source>Partner profile</source>
        <translation>合作夥伴設定檔</translation>
    </message>
    <message>
        <source>Tell pcdesk about your organization as Partner Center knows it. The tenant ID goes into the relationship links you send to customers.</source>
        <translation>請依合作夥伴中心中的資料填寫您的組織資訊。租用戶識別碼會放入您傳送給客戶的關係連結中。</translation>
    </message>
    <message>
        <source>for example 4847383</source>
        <translation>例如 4847383</translation>
    </message>
    <message>
        <source>Direct-bill partner</source>
        <translation>直接帳單合作夥伴</translation>
    </message>
    <message>
        <source>Indirect provider</source>
        <translation>間接提供者</translation>
    </message>
    <message>
        <source>Indirect reseller</source>
        <translation>間接轉銷商</translation>
    </message>
    <message>
        <source>Partner Center (global)</source>
        <translation>合作夥伴中心 (全球)</translation>
    </message>
    <message>
        <source>Partner Center for US Government</source>
        <translation>美國政府適用的合作夥伴中心</translation>
    </message>
    <message>
        <source>Partner Center operated by 21Vianet</source>
        <translation>由世紀互聯營運的合作夥伴中心</translation>
    </message>
    <message>
        <source>optional, for example contoso-csp.com</source>
        <translation>選填，例如 contoso-csp.com</translation>
    </message>
    <message>
        <source>from Partner Center: App management</source>
        <translation>取自合作夥伴中心：應用程式管理</translation>
    </message>
    <message>
        <source>In Partner Center, Account settings &gt; App management &gt; Add new native app gives your app&apos;s application (client) ID. Needed to sign in and sync.</source>
        <translation>在合作夥伴中心的 帳戶設定 &gt; 應用程式管理 &gt; 新增原生應用程式 可取得您應用程式的應用程式（用戶端）識別碼。登入與同步時需要。</translation>
    </message>
    <message>
        <source>Partner &amp;name:</source>
        <translation>合作夥伴名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>Partner &amp;tenant ID:</source>
        <translation>合作夥伴租用戶識別碼(&amp;T)：</translation>
    </message>
    <message>
        <source>Partner &amp;ID (MPN ID):</source>
        <translation>合作夥伴識別碼 (MPN 識別碼)(&amp;I)：</translation>
    </message>
    <message>
        <source>Partner t&amp;ype:</source>
        <translation>合作夥伴類型(&amp;Y)：</translation>
    </message>
    <message>
        <source>Partner Center &amp;instance:</source>
        <translation>合作夥伴中心執行個體(&amp;I)：</translation>
    </message>
    <message>
        <source>Your email &amp;domain:</source>
        <translation>您的電子郵件網域(&amp;D)：</translation>
    </message>
    <message>
        <source>Partner Center &amp;application ID:</source>
        <translation>合作夥伴中心應用程式識別碼(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>PartnerProfileLauncher</name>
    <message>
        <source>Partner &amp;profile…</source>
        <translation>合作夥伴設定檔(&amp;P)…</translation>
    </message>
    <message>
        <source>Your organization as Partner Center knows it: name, tenant ID, Partner ID</source>
        <translation>您在合作夥伴中心登記的組織：名稱、租用戶識別碼、合作夥伴識別碼</translation>
    </message>
</context>
<context>
    <name>PendingChangesDialog</name>
    <message>
        <source>Pending changes</source>
        <translation>待處理的變更</translation>
    </message>
    <message>
        <source>Changes waiting to reach Partner Center. They are sent in order, each once: a change sent again after a lost answer carries the same request ID, so Partner Center does not do it twice.</source>
        <translation>等待送達合作夥伴中心的變更。變更會依序傳送，每項只執行一次：遺失回應後再次傳送的變更帶有相同的要求識別碼，因此合作夥伴中心不會重複執行。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>變更</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>已排入佇列</translation>
    </message>
    <message>
        <source>Queued (sent, no answer yet)</source>
        <translation>已排入佇列（已傳送，尚無回應）</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>傳送中</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>遭拒絕</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>Domain (before .onmicrosoft.com):</source>
        <translation>網域（.onmicrosoft.com 之前）：</translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation>授權：</translation>
    </message>
    <message>
        <source>Partner Center&apos;s answer</source>
        <translation>合作夥伴中心的回應</translation>
    </message>
    <message>
        <source>Nothing is waiting: every change has reached Partner Center.</source>
        <translation>沒有待處理的變更：所有變更都已送達合作夥伴中心。</translation>
    </message>
    <message>
        <source>Save &amp;edit</source>
        <translation>儲存編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>立即傳送(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重試(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel this &amp;change</source>
        <translation>取消此變更(&amp;C)</translation>
    </message>
    <message>
        <source>New customers&apos; admin sign-in</source>
        <translation>新客戶的系統管理員登入資訊</translation>
    </message>
    <message>
        <source>Partner Center refused this value: change it, then Save edit.</source>
        <translation>合作夥伴中心拒絕了此值：請修改後按「儲存編輯」。</translation>
    </message>
    <message>
        <source>{domain}: admin user {user}, temporary password {password}</source>
        <translation>{domain}：系統管理員使用者 {user}，暫時密碼 {password}</translation>
    </message>
    <message>
        <source>Copy these now: the passwords are not saved anywhere and are gone when this window closes.</source>
        <translation>請立即複製：密碼不會儲存在任何地方，關閉此視窗後即消失。</translation>
    </message>
    <message>
        <source>Saved. The change is queued again.</source>
        <translation>已儲存。此變更已重新排入佇列。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>喜好設定</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>&amp;Same as the system ({language})</source>
        <translation>與系統相同 ({language})(&amp;S)</translation>
    </message>
    <message>
        <source>When you click OK, pcdesk reopens its window in the language you chose. Dates, numbers, prices and country names follow the language too.</source>
        <translation>按一下「確定」後，pcdesk 會以您選擇的語言重新開啟視窗。日期、數字、價格和國家/地區名稱也會隨語言顯示。</translation>
    </message>
    <message>
        <source>Partner Center</source>
        <translation>合作夥伴中心</translation>
    </message>
    <message>
        <source>only when I ask</source>
        <translation>僅在我要求時</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>S&amp;ync every:</source>
        <translation>同步間隔(&amp;Y)：</translation>
    </message>
</context>
<context>
    <name>PreferencesLauncher</name>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>喜好設定(&amp;E)…</translation>
    </message>
    <message>
        <source>Choose the language of pcdesk</source>
        <translation>選擇 pcdesk 的介面語言</translation>
    </message>
</context>
<context>
    <name>PriceListImport</name>
    <message>
        <source>Import price list</source>
        <translation>匯入價目表</translation>
    </message>
    <message>
        <source>{count} lines of {file} cannot be imported. Nothing has been imported yet.</source>
        <translation>{file} 中有 {count} 行無法匯入。目前尚未匯入任何內容。</translation>
    </message>
    <message>
        <source>…and {more} more.</source>
        <translation>…還有 {more} 項。</translation>
    </message>
    <message>
        <source>Skip these lines and import the rest</source>
        <translation>略過這些行並匯入其餘內容</translation>
    </message>
    <message>
        <source>Offers added: {added}, updated: {updated}, unchanged: {unchanged}.</source>
        <translation>供應項目已新增：{added}，已更新：{updated}，未變更：{unchanged}。</translation>
    </message>
    <message>
        <source>Bad lines left out: {skipped}.</source>
        <translation>略過的錯誤行：{skipped}。</translation>
    </message>
    <message>
        <source>{file} could not be read: {error}</source>
        <translation>無法讀取 {file}：{error}</translation>
    </message>
</context>
<context>
    <name>QuantityDelegate</name>
    <message>
        <source>Licenses</source>
        <translation>授權</translation>
    </message>
</context>
<context>
    <name>RelationshipRequestsLauncher</name>
    <message>
        <source>Relationship re&amp;quests…</source>
        <translation>關係要求(&amp;Q)…</translation>
    </message>
    <message>
        <source>The relationship requests sent: mark one accepted, or cancel it</source>
        <translation>已傳送的關係要求：將要求標示為已接受，或取消要求</translation>
    </message>
</context>
<context>
    <name>RelationshipRequestsWindow</name>
    <message>
        <source>Relationship requests</source>
        <translation>關係要求</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>顯示(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>Read the requests again (F5)</source>
        <translation>重新讀取要求 (F5)</translation>
    </message>
    <message>
        <source>Mark &amp;accepted…</source>
        <translation>標示為已接受(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Cancel request…</source>
        <translation>取消要求(&amp;C)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>No pending requests. Customers &gt; Request a reseller relationship… sends one.</source>
        <translation>沒有待處理的要求。請使用 [客戶] &gt; [要求轉銷商關係…] 傳送要求。</translation>
    </message>
    <message>
        <source>No request was marked accepted yet.</source>
        <translation>尚無標示為已接受的要求。</translation>
    </message>
    <message>
        <source>No request was cancelled.</source>
        <translation>沒有已取消的要求。</translation>
    </message>
    <message>
        <source>No relationship request was sent yet. Customers &gt; Request a relationship… sends one.</source>
        <translation>尚未傳送任何關係要求。請使用 [客戶] &gt; [要求關係…] 傳送要求。</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 個要求</translation>
    </message>
    <message numerus="yes">
        <source>%Ln requests</source>
        <translation>
            <numerusform>%Ln 個要求</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a request to mark it accepted or to cancel it.</source>
        <translation>選取要求，即可將其標示為已接受或取消。</translation>
    </message>
    <message>
        <source>This request was marked accepted on {date}.</source>
        <translation>此要求已於 {date} 標示為已接受。</translation>
    </message>
    <message>
        <source>This request was cancelled on {date}.</source>
        <translation>此要求已於 {date} 取消。</translation>
    </message>
    <message>
        <source>Type the customer&apos;s Microsoft ID and initial domain</source>
        <translation>輸入客戶的 Microsoft 識別碼與初始網域</translation>
    </message>
    <message>
        <source>Stop waiting for this customer to accept</source>
        <translation>不再等待此客戶接受</translation>
    </message>
    <message>
        <source>{company} accepted and was added to your customers.</source>
        <translation>「{company}」已接受，並已新增至您的客戶。</translation>
    </message>
    <message>
        <source>{company} accepted: you are its reseller.</source>
        <translation>「{company}」已接受：您現在是其轉銷商。</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>取消要求</translation>
    </message>
    <message>
        <source>Cancel the relationship request to {company}?</source>
        <translation>要取消傳送給「{company}」的關係要求嗎？</translation>
    </message>
    <message>
        <source>pcdesk stops waiting for it. The email already sent cannot be called back: its link is the same for every customer and stays valid, so tell the customer if it should not accept.</source>
        <translation>pcdesk 將不再等待此要求。已傳送的電子郵件無法收回：其中的連結對每位客戶都相同且持續有效，因此如果客戶不應接受，請告知客戶。</translation>
    </message>
    <message>
        <source>Cancel &amp;request</source>
        <translation>取消要求(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>This request no longer exists: another workstation may have removed it.</source>
        <translation>此要求已不存在：可能已被另一部工作站移除。</translation>
    </message>
    <message>
        <source>The request to {company} is cancelled.</source>
        <translation>已取消傳送給「{company}」的要求。</translation>
    </message>
</context>
<context>
    <name>RelationshipTab</name>
    <message>
        <source>Re&amp;move relationship…</source>
        <translation>移除關係(&amp;M)…</translation>
    </message>
    <message>
        <source>Relationship requests</source>
        <translation>關係要求</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Re&amp;quest a reseller relationship…</source>
        <translation>要求轉銷商關係(&amp;Q)…</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>要求日期</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件者</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>要求者</translation>
    </message>
    <message>
        <source>Accepted or cancelled</source>
        <translation>接受或取消時間</translation>
    </message>
    <message>
        <source>No relationship request was sent to this customer.</source>
        <translation>尚未傳送關係要求給此客戶。</translation>
    </message>
    <message>
        <source>Relationship: {relationship}</source>
        <translation>關係：{relationship}</translation>
    </message>
    <message>
        <source>You are this customer&apos;s reseller: you can order subscriptions for it.</source>
        <translation>您是此客戶的轉銷商：您可以為其訂購訂用帳戶。</translation>
    </message>
    <message>
        <source>This customer has no reseller relationship with you (a former customer): nothing can be ordered for it until it accepts a new relationship request.</source>
        <translation>此客戶與您沒有轉銷商關係 (先前的客戶)：在客戶接受新的關係要求之前，無法為其訂購任何項目。</translation>
    </message>
    <message>
        <source>You are not this customer&apos;s reseller: nothing can be ordered for it until it accepts a reseller relationship request.</source>
        <translation>您不是此客戶的轉銷商：在客戶接受轉銷商關係要求之前，無法為其訂購任何項目。</translation>
    </message>
</context>
<context>
    <name>RemoveRelationshipLauncher</name>
    <message>
        <source>Re&amp;move relationship…</source>
        <translation>移除關係(&amp;M)…</translation>
    </message>
    <message>
        <source>Select a customer first.</source>
        <translation>請先選取客戶。</translation>
    </message>
    <message>
        <source>End your reseller relationship with {company}. Its record and history are kept.</source>
        <translation>結束您與「{company}」的轉銷商關係。其記錄與歷程記錄會保留。</translation>
    </message>
    <message>
        <source>Relationship with {company} removed.</source>
        <translation>已移除與「{company}」的關係。</translation>
    </message>
    <message>
        <source>Remove relationship</source>
        <translation>移除關係</translation>
    </message>
    <message numerus="yes">
        <source>and %Ln more</source>
        <translation>
            <numerusform>還有 %Ln 項</numerusform>
        </translation>
    </message>
    <message>
        <source>Suspend it now? This subscription will be suspended:</source>
        <translation>要立即暫停嗎？將暫停此訂用帳戶：</translation>
    </message>
    <message>
        <source>&amp;Suspend 1 subscription</source>
        <translation>暫停 1 個訂用帳戶(&amp;S)</translation>
    </message>
    <message>
        <source>Suspend them now? These subscriptions will be suspended:</source>
        <translation>要立即暫停嗎？將暫停這些訂用帳戶：</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Suspend %Ln subscriptions</source>
        <translation>
            <numerusform>暫停 %Ln 個訂用帳戶(&amp;S)</numerusform>
        </translation>
    </message>
    <message>
        <source>Suspended subscriptions are kept. After the relationship is removed they can no longer be reactivated through you.</source>
        <translation>已暫停的訂用帳戶會保留。移除關係後，就無法再透過您重新啟用。</translation>
    </message>
    <message>
        <source>{offer} (1 license)</source>
        <translation>{offer} (1 個授權)</translation>
    </message>
    <message>
        <source>{offer} ({count} licenses)</source>
        <translation>{offer} ({count} 個授權)</translation>
    </message>
    <message>
        <source>Remove your relationship with {company}?</source>
        <translation>要移除您與「{company}」的關係嗎？</translation>
    </message>
    <message>
        <source>{company} goes off your list of active customers. Its record, subscriptions and history are kept, under the &quot;Former&quot; relationship filter.</source>
        <translation>「{company}」會從您的有效客戶清單中移除。其記錄、訂用帳戶與歷程記錄會保留，可在關係篩選條件「已結束」下找到。</translation>
    </message>
    <message>
        <source>No future purchases: nothing can be ordered or reactivated for it through you, and you are no longer its partner for support.</source>
        <translation>日後無法再購買：無法透過您為其訂購或重新啟用任何項目，您也不再是其支援合作夥伴。</translation>
    </message>
    <message>
        <source>Partner Center does not notify the customer: you must tell them yourself.</source>
        <translation>合作夥伴中心不會通知客戶：您必須自行告知客戶。</translation>
    </message>
    <message>
        <source>The relationship request sent to it stays pending: the customer can still accept the invitation. Cancel the request if you no longer expect that.</source>
        <translation>傳送給此客戶的關係要求仍為待處理：客戶仍可接受邀請。如果您不再預期客戶接受，請取消要求。</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln relationship requests sent to it stay pending: the customer can still accept the invitation. Cancel them if you no longer expect that.</source>
        <translation>
            <numerusform>傳送給此客戶的 %Ln 個關係要求仍為待處理：客戶仍可接受邀請。如果您不再預期客戶接受，請取消這些要求。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove relationship</source>
        <translation>移除關係(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RequestRelationshipDialog</name>
    <message>
        <source>Request a reseller relationship</source>
        <translation>要求轉銷商關係</translation>
    </message>
    <message>
        <source>Asking Partner Center for your invitation link…</source>
        <translation>正在向合作夥伴中心取得您的邀請連結…</translation>
    </message>
    <message>
        <source>The invitation link is Partner Center&apos;s own.</source>
        <translation>此邀請連結由合作夥伴中心提供。</translation>
    </message>
    <message>
        <source>Partner Center could not be asked for the link: the one made from your tenant ID is used.</source>
        <translation>無法向合作夥伴中心取得連結：改用根據您的租用戶識別碼產生的連結。</translation>
    </message>
    <message>
        <source>Send the customer your invitation link. A Global admin of the customer&apos;s tenant opens it and accepts in the Microsoft 365 admin center.</source>
        <translation>將您的邀請連結傳送給客戶。客戶租用戶的全域管理員開啟連結後，會在 Microsoft 365 系統管理中心接受。</translation>
    </message>
    <message>
        <source>An e&amp;xisting customer</source>
        <translation>現有客戶(&amp;X)</translation>
    </message>
    <message>
        <source>A new &amp;prospect</source>
        <translation>新潛在客戶(&amp;P)</translation>
    </message>
    <message>
        <source>The prospect&apos;s company name</source>
        <translation>潛在客戶的公司名稱</translation>
    </message>
    <message>
        <source>Optional: the customer&apos;s Global admin, for example admin@contoso.com</source>
        <translation>選填：客戶的全域管理員，例如 admin@contoso.com</translation>
    </message>
    <message>
        <source>Email text</source>
        <translation>電子郵件內文</translation>
    </message>
    <message>
        <source>&amp;Insert the link</source>
        <translation>插入連結(&amp;I)</translation>
    </message>
    <message>
        <source>Insert the invitation link at the cursor</source>
        <translation>在游標位置插入邀請連結</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>電子郵件(&amp;E)：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>對象：</translation>
    </message>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>客戶(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Recipient:</source>
        <translation>收件者(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主旨(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Open in email</source>
        <translation>在電子郵件中開啟(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation>複製到剪貼簿(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
    <message>
        <source>Company &amp;name:</source>
        <translation>公司名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>This customer no longer exists. Search for it again.</source>
        <translation>此客戶已不存在。請重新搜尋。</translation>
    </message>
    <message>
        <source>{domain} · Microsoft ID {microsoft_id}</source>
        <translation>{domain} · Microsoft 識別碼 {microsoft_id}</translation>
    </message>
    <message>
        <source>{company} already has a reseller relationship with you.</source>
        <translation>「{company}」已與您建立轉銷商關係。</translation>
    </message>
    <message>
        <source>A request sent on {when} by {who} is still pending.</source>
        <translation>{who} 於 {when} 傳送的要求仍為待處理。</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>取代(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep my text</source>
        <translation>保留我的內文(&amp;K)</translation>
    </message>
    <message>
        <source>The invitation link is intact.</source>
        <translation>邀請連結完整無誤。</translation>
    </message>
    <message>
        <source>Replace the email text</source>
        <translation>取代電子郵件內文</translation>
    </message>
    <message>
        <source>You edited the email. Replace your text with a new draft?</source>
        <translation>您已編輯電子郵件。要以新的草稿取代您的內文嗎？</translation>
    </message>
    <message>
        <source>Put the invitation link back in the text to open or copy the email.</source>
        <translation>請將邀請連結放回內文，才能開啟或複製電子郵件。</translation>
    </message>
    <message>
        <source>Enter the prospect&apos;s company name to open or copy the email.</source>
        <translation>請輸入潛在客戶的公司名稱，才能開啟或複製電子郵件。</translation>
    </message>
    <message>
        <source>Choose the customer in the list to open or copy the email.</source>
        <translation>請在清單中選擇客戶，才能開啟或複製電子郵件。</translation>
    </message>
    <message>
        <source>Correct the prospect&apos;s company name to open or copy the email.</source>
        <translation>請更正潛在客戶的公司名稱，才能開啟或複製電子郵件。</translation>
    </message>
    <message>
        <source>Correct the recipient&apos;s email address, or leave it empty.</source>
        <translation>請更正收件者的電子郵件地址，或將其留空。</translation>
    </message>
    <message>
        <source>Enter a subject to open or copy the email.</source>
        <translation>請輸入主旨，才能開啟或複製電子郵件。</translation>
    </message>
    <message>
        <source>Open the email in your mail program, ready to send</source>
        <translation>在您的郵件程式中開啟電子郵件，準備傳送</translation>
    </message>
    <message>
        <source>Copy the subject and the text, to paste them where you write</source>
        <translation>複製主旨與內文，以便貼到您撰寫郵件的地方</translation>
    </message>
    <message>
        <source>Open or copy again to record a new request.</source>
        <translation>再次開啟或複製即可記錄新的要求。</translation>
    </message>
    <message>
        <source>The request or your partner profile could not be found. Nothing was recorded; try again.</source>
        <translation>找不到要求或您的合作夥伴設定檔。未記錄任何內容，請再試一次。</translation>
    </message>
    <message>
        <source>Request recorded as pending by {who} on {when}.</source>
        <translation>{who} 已於 {when} 將要求記錄為待處理。</translation>
    </message>
    <message>
        <source>No mail program opened the email. Its subject and text are on the clipboard: paste them into a new message.</source>
        <translation>沒有郵件程式開啟此電子郵件。其主旨與內文已複製到剪貼簿：請貼到新郵件中。</translation>
    </message>
    <message>
        <source>The email is open in your mail program.</source>
        <translation>電子郵件已在您的郵件程式中開啟。</translation>
    </message>
    <message>
        <source>The email is too long to hand to your mail program whole, so its text is on the clipboard: paste it into the message, replacing the note there.</source>
        <translation>電子郵件太長，無法完整交給您的郵件程式，因此內文已複製到剪貼簿：請貼到郵件中，取代其中的附註。</translation>
    </message>
    <message>
        <source>The subject and the text are on the clipboard: paste them into an email.</source>
        <translation>主旨與內文已複製到剪貼簿：請貼到電子郵件中。</translation>
    </message>
</context>
<context>
    <name>RequestRelationshipLauncher</name>
    <message>
        <source>Request a reseller &amp;relationship…</source>
        <translation>要求轉銷商關係(&amp;R)…</translation>
    </message>
    <message>
        <source>Email a customer or prospect your invitation link to a reseller relationship</source>
        <translation>以電子郵件將轉銷商關係的邀請連結傳送給客戶或潛在客戶</translation>
    </message>
</context>
<context>
    <name>ResellerFormDialog</name>
    <message>
        <source>Add indirect reseller</source>
        <translation>新增間接轉銷商</translation>
    </message>
    <message>
        <source>Edit indirect reseller</source>
        <translation>編輯間接轉銷商</translation>
    </message>
    <message>
        <source>for example 4847383</source>
        <translation>例如 4847383</translation>
    </message>
    <message>
        <source>The Partner ID (MPN ID) and the tenant ID are on the reseller&apos;s Partner Center account; ask the reseller if you do not have them.</source>
        <translation>合作夥伴識別碼 (MPN 識別碼) 與租用戶識別碼位於轉銷商的合作夥伴中心帳戶中；如果您沒有這些資訊，請向轉銷商索取。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Partner ID (MPN ID):</source>
        <translation>合作夥伴識別碼(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Tenant ID:</source>
        <translation>租用戶識別碼(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Country/region:</source>
        <translation>國家/地區(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>This reseller no longer exists: another workstation may have removed it.</source>
        <translation>此轉銷商已不存在：可能已被另一部工作站移除。</translation>
    </message>
    <message>
        <source>Another workstation changed this reseller. Close and open it again.</source>
        <translation>另一部工作站已變更此轉銷商。請關閉後重新開啟。</translation>
    </message>
    <message>
        <source>Another workstation changed this reseller while you were editing it. It now reads: {name}, Partner ID {partner_id}, tenant ID {tenant_id}, {country}. Save again to replace that with what you typed, or Cancel to keep it.</source>
        <translation>您編輯此轉銷商時，另一部工作站變更了它。目前的內容為：{name}，合作夥伴識別碼 {partner_id}，租用戶識別碼 {tenant_id}，{country}。再次儲存即可以您輸入的內容取代，或按「取消」保留目前的內容。</translation>
    </message>
</context>
<context>
    <name>ResellerImport</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未變更</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重複</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>無效</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Partner ID</source>
        <translation>合作夥伴識別碼</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>租用戶識別碼</translation>
    </message>
    <message>
        <source>Country/region</source>
        <translation>國家/地區</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>{file} — New: {new} · To update: {update} · Unchanged: {unchanged} · Duplicate: {duplicate} · Invalid: {invalid}</source>
        <translation>{file} — 新增：{new} · 待更新：{update} · 未變更：{unchanged} · 重複：{duplicate} · 無效：{invalid}</translation>
    </message>
    <message>
        <source>Resellers added: {added}, updated: {updated}, unchanged: {unchanged}.</source>
        <translation>轉銷商已新增：{added}，已更新：{updated}，未變更：{unchanged}。</translation>
    </message>
    <message>
        <source>Rows left out: invalid {skipped}, duplicate {duplicates}.</source>
        <translation>略過的資料列：無效 {skipped}，重複 {duplicates}。</translation>
    </message>
</context>
<context>
    <name>ResellerImportDialog</name>
    <message>
        <source>Import indirect resellers</source>
        <translation>匯入間接轉銷商</translation>
    </message>
    <message>
        <source>Only new rows and rows that change a reseller are written, all at once. A row whose Partner ID is already in pcdesk updates that reseller.</source>
        <translation>只會寫入新的資料列，以及會變更轉銷商的資料列，並一次全部寫入。合作夥伴識別碼已在 pcdesk 中的資料列會更新該轉銷商。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Partner ID</source>
        <translation>合作夥伴識別碼</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>租用戶識別碼</translation>
    </message>
    <message>
        <source>Country/region</source>
        <translation>國家/地區</translation>
    </message>
    <message>
        <source>&amp;Skip the invalid rows and import the others</source>
        <translation>略過無效的資料列，匯入其他資料列(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>Nothing in this file is new or changed.</source>
        <translation>此檔案中沒有新增或變更的內容。</translation>
    </message>
    <message>
        <source>Correct the invalid rows in the file, or choose to skip them.</source>
        <translation>請更正檔案中無效的資料列，或選擇略過這些資料列。</translation>
    </message>
    <message>
        <source>Another workstation changed the resellers since this preview. Nothing was imported; the preview now shows the file against the current list.</source>
        <translation>產生此預覽後，另一部工作站變更了轉銷商。未匯入任何內容；預覽現在會以目前的清單比對檔案。</translation>
    </message>
</context>
<context>
    <name>ResellerManagerDialog</name>
    <message>
        <source>Indirect resellers</source>
        <translation>間接轉銷商</translation>
    </message>
    <message>
        <source>Name, Partner ID, tenant ID or country</source>
        <translation>名稱、合作夥伴識別碼、租用戶識別碼或國家/地區</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>篩選(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>暫停(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>重新啟用(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import from CSV…</source>
        <translation>從 CSV 匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>Add an indirect reseller</source>
        <translation>新增間接轉銷商</translation>
    </message>
    <message>
        <source>Add or update resellers from a CSV file: name, Partner ID, tenant ID, country</source>
        <translation>從 CSV 檔案新增或更新轉銷商：名稱、合作夥伴識別碼、租用戶識別碼、國家/地區</translation>
    </message>
    <message>
        <source>A suspended reseller stays with the customers it already has, but cannot be chosen for new customers.</source>
        <translation>已暫停的轉銷商仍會保留其現有客戶，但無法為新客戶選擇此轉銷商。</translation>
    </message>
    <message>
        <source>You can see the resellers but not change them.</source>
        <translation>您可以檢視轉銷商，但無法變更。</translation>
    </message>
    <message>
        <source>{name} saved.</source>
        <translation>已儲存「{name}」。</translation>
    </message>
    <message>
        <source>Suspend reseller</source>
        <translation>暫停轉銷商</translation>
    </message>
    <message>
        <source>Suspend {name}?</source>
        <translation>要暫停「{name}」嗎？</translation>
    </message>
    <message>
        <source>It stays the indirect reseller of the customers it has now ({count}), but it can no longer be chosen for new customers. You can reactivate it later.</source>
        <translation>此轉銷商仍是其現有客戶 ({count} 位) 的間接轉銷商，但無法再為新客戶選擇。您日後可以重新啟用。</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>暫停(&amp;S)</translation>
    </message>
    <message>
        <source>{name} is suspended; its customers keep it.</source>
        <translation>「{name}」已暫停；其客戶仍保留此轉銷商。</translation>
    </message>
    <message>
        <source>{name} is active again and can be chosen for new customers.</source>
        <translation>「{name}」已重新啟用，可為新客戶選擇。</translation>
    </message>
    <message>
        <source>This reseller no longer exists: another workstation may have removed it.</source>
        <translation>此轉銷商已不存在：可能已被另一部工作站移除。</translation>
    </message>
    <message>
        <source>Import indirect resellers</source>
        <translation>匯入間接轉銷商</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>ResellerManagerLauncher</name>
    <message>
        <source>Indirect &amp;resellers…</source>
        <translation>間接轉銷商(&amp;R)…</translation>
    </message>
    <message>
        <source>List, add, edit, suspend and import your indirect resellers</source>
        <translation>列出、新增、編輯、暫停和匯入您的間接轉銷商</translation>
    </message>
    <message>
        <source>Only indirect providers have indirect resellers; you are an indirect reseller yourself.</source>
        <translation>只有間接提供者才有間接轉銷商；您本身是間接轉銷商。</translation>
    </message>
    <message>
        <source>Only indirect providers have indirect resellers; as a direct-bill partner you sell to customers yourself.</source>
        <translation>只有間接提供者才有間接轉銷商；身為直接帳單合作夥伴，您直接向客戶銷售。</translation>
    </message>
</context>
<context>
    <name>ResellerPicker</name>
    <message>
        <source>Type a name, Partner ID or country</source>
        <translation>輸入名稱、合作夥伴識別碼或國家/地區</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>{name} — Partner ID {partner_id} — {country}</source>
        <translation>{name} — 合作夥伴識別碼 {partner_id} — {country}</translation>
    </message>
</context>
<context>
    <name>ResellerTableModel</name>
    <message>
        <source>Suspended</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Partner ID</source>
        <translation>合作夥伴識別碼</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>租用戶識別碼</translation>
    </message>
    <message>
        <source>Country/region</source>
        <translation>國家/地區</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>No tenant ID recorded yet: edit the reseller to add it.</source>
        <translation>尚未記錄租用戶識別碼：請編輯轉銷商以新增。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>檢閱</translation>
    </message>
    <message>
        <source>Check the details, then submit. The domain cannot change later.</source>
        <translation>請檢查詳細資料，然後送出。網域日後無法變更。</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>送出(&amp;S)</translation>
    </message>
    <message>
        <source>Update account info</source>
        <translation>更新帳戶資訊</translation>
    </message>
    <message>
        <source>Update subscriptions</source>
        <translation>更新訂用帳戶</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Account info</source>
        <translation>帳戶資訊</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>訂用帳戶</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>None: subscriptions can be ordered once the agreement is accepted.</source>
        <translation>無：合約接受後即可訂購訂用帳戶。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Monthly total</source>
        <translation>每月總計</translation>
    </message>
    <message>
        <source>This may be a customer you already have. If the company already has a Microsoft tenant, send it a relationship request instead of adding it again.</source>
        <translation>這可能是您現有的客戶。如果這家公司已有 Microsoft 租用戶，請傳送關係要求，而不要重複新增。</translation>
    </message>
    <message>
        <source>same domain</source>
        <translation>網域相同</translation>
    </message>
    <message>
        <source>same email domain</source>
        <translation>電子郵件網域相同</translation>
    </message>
    <message>
        <source>similar company name</source>
        <translation>公司名稱相似</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>可能重複的客戶</translation>
    </message>
</context>
<context>
    <name>SavedViewsMenu</name>
    <message>
        <source>&amp;Views</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save current view…</source>
        <translation>儲存目前的檢視(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Delete view</source>
        <translation>刪除檢視(&amp;D)</translation>
    </message>
    <message>
        <source>No saved views</source>
        <translation>沒有已儲存的檢視</translation>
    </message>
    <message>
        <source>Save current view</source>
        <translation>儲存目前的檢視</translation>
    </message>
    <message>
        <source>Name of the view (its search, filters and sort):</source>
        <translation>檢視名稱（其搜尋、篩選和排序）：</translation>
    </message>
    <message>
        <source>Replace the view “{name}”?</source>
        <translation>要取代檢視「{name}」嗎？</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>取代(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SubscriptionOrders</name>
    <message>
        <source>Another workstation changed this customer meanwhile. Nothing was ordered. Check the subscriptions it now has, then order again if still needed.</source>
        <translation>另一部工作站在此期間變更了此客戶，未訂購任何項目。請檢查客戶目前的訂用帳戶，如有需要再重新訂購。</translation>
    </message>
    <message>
        <source>1 subscription ordered.</source>
        <translation>已訂購 1 個訂用帳戶。</translation>
    </message>
    <message>
        <source>{count} subscriptions ordered.</source>
        <translation>已訂購 {count} 個訂用帳戶。</translation>
    </message>
    <message>
        <source>The order waits in Pending changes: {reason}</source>
        <translation>此訂單正在「待處理的變更」中等候：{reason}</translation>
    </message>
    <message>
        <source>Order placed in Partner Center. It is being provisioned (this can take up to 15 minutes): its subscriptions appear here when they are ready.</source>
        <translation>已在合作夥伴中心下訂單。正在佈建中（最多可能需要 15 分鐘）：訂用帳戶就緒後會顯示在這裡。</translation>
    </message>
    <message>
        <source>Order placed in Partner Center.</source>
        <translation>已在合作夥伴中心下訂單。</translation>
    </message>
    <message>
        <source>The order&apos;s subscriptions are in.</source>
        <translation>訂單的訂用帳戶已就緒。</translation>
    </message>
</context>
<context>
    <name>SubscriptionWrites</name>
    <message>
        <source>Nothing was changed: {problem}</source>
        <translation>未變更任何內容：{problem}</translation>
    </message>
    <message>
        <source>Nothing was changed: it no longer exists.</source>
        <translation>未變更任何內容：該項目已不存在。</translation>
    </message>
    <message>
        <source>Another workstation changed this customer&apos;s subscriptions first. Nothing was changed; what is saved now is shown.</source>
        <translation>另一部工作站已先變更此客戶的訂用帳戶，未變更任何內容；目前顯示的是已儲存的內容。</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPage</name>
    <message>
        <source>Subscriptions</source>
        <translation>訂用帳戶</translation>
    </message>
    <message>
        <source>Choose the offers to order and how many licenses of each.</source>
        <translation>選擇要訂購的供應項目，以及每項的授權數量。</translation>
    </message>
    <message>
        <source>&amp;Next: Review</source>
        <translation>下一步：檢閱(&amp;N)</translation>
    </message>
    <message>
        <source>Nothing to order for now. Click Next: Review to add the customer without subscriptions.</source>
        <translation>目前沒有可訂購的項目。請按一下 [下一步：檢閱]，在沒有訂用帳戶的情況下新增客戶。</translation>
    </message>
    <message>
        <source>No subscriptions can be ordered until the customer accepts the Microsoft Customer Agreement. Go on without subscriptions, and order them once it is accepted.</source>
        <translation>在客戶接受 Microsoft 客戶合約之前，無法訂購訂用帳戶。請先不含訂用帳戶繼續，待合約接受後再訂購。</translation>
    </message>
    <message>
        <source>Remove the subscriptions from the cart to go on: they cannot be ordered yet.</source>
        <translation>請從購物車移除訂用帳戶後再繼續：目前還無法訂購。</translation>
    </message>
    <message>
        <source>Add at least one subscription to go on.</source>
        <translation>請至少新增一個訂用帳戶再繼續。</translation>
    </message>
    <message>
        <source>1 line of the cart needs fixing before you go on.</source>
        <translation>購物車中有 1 個項目需要修正，才能繼續。</translation>
    </message>
    <message>
        <source>{count} lines of the cart need fixing before you go on.</source>
        <translation>購物車中有 {count} 個項目需要修正，才能繼續。</translation>
    </message>
</context>
<context>
    <name>SubscriptionsTab</name>
    <message>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>&amp;Add offers…</source>
        <translation>新增供應項目(&amp;A)…</translation>
    </message>
    <message>
        <source>Order more offers for this customer</source>
        <translation>為此客戶訂購更多供應項目</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>供應項目</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>授權</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>計費</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>訂用帳戶</translation>
    </message>
    <message>
        <source>No subscriptions.</source>
        <translation>沒有訂用帳戶。</translation>
    </message>
    <message>
        <source>&amp;Licenses:</source>
        <translation>授權(&amp;L)：</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>套用(&amp;P)</translation>
    </message>
    <message>
        <source>Change the subscription&apos;s license count</source>
        <translation>變更訂用帳戶的授權數量</translation>
    </message>
    <message>
        <source>S&amp;uspend</source>
        <translation>暫停(&amp;U)</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>重新啟用(&amp;T)</translation>
    </message>
    <message>
        <source>Ca&amp;ncel subscription…</source>
        <translation>取消訂用帳戶(&amp;N)…</translation>
    </message>
    <message>
        <source>Active: {amount} a month</source>
        <translation>使用中：每月 {amount}</translation>
    </message>
    <message>
        <source>From {low} to {high} licenses</source>
        <translation>{low} 到 {high} 個授權</translation>
    </message>
    <message>
        <source>Change licenses</source>
        <translation>變更授權</translation>
    </message>
    <message>
        <source>Change {offer} from {before} to {after} licenses?</source>
        <translation>要將 {offer} 從 {before} 個授權變更為 {after} 個嗎？</translation>
    </message>
    <message>
        <source>Monthly price: {before} → {after}.</source>
        <translation>每月價格：{before} → {after}。</translation>
    </message>
    <message>
        <source>&amp;Change to {count}</source>
        <translation>變更為 {count}(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keep {count}</source>
        <translation>保留 {count}(&amp;K)</translation>
    </message>
    <message>
        <source>{offer}: {count} licenses now.</source>
        <translation>{offer}：目前為 {count} 個授權。</translation>
    </message>
    <message>
        <source>Suspend subscription</source>
        <translation>暫停訂用帳戶</translation>
    </message>
    <message>
        <source>Suspend {offer} ({count} licenses)?</source>
        <translation>要暫停 {offer}（{count} 個授權）嗎？</translation>
    </message>
    <message>
        <source>Its users lose access to the service until it is reactivated. Monthly price: {price}.</source>
        <translation>重新啟用之前，其使用者將無法存取此服務。每月價格：{price}。</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>暫停(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep active</source>
        <translation>保持使用中(&amp;K)</translation>
    </message>
    <message>
        <source>{offer} is suspended.</source>
        <translation>{offer} 已暫停。</translation>
    </message>
    <message>
        <source>{offer} is active again.</source>
        <translation>{offer} 已重新啟用。</translation>
    </message>
    <message>
        <source>Cancel subscription</source>
        <translation>取消訂用帳戶</translation>
    </message>
    <message>
        <source>Cancel {offer} ({count} licenses)?</source>
        <translation>要取消 {offer} ({count} 個授權) 嗎？</translation>
    </message>
    <message>
        <source>A cancelled subscription cannot be reactivated; its licenses are released.</source>
        <translation>已取消的訂用帳戶無法重新啟用，其授權將會釋出。</translation>
    </message>
    <message>
        <source>Ca&amp;ncel subscription</source>
        <translation>取消訂用帳戶(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>{offer} is cancelled.</source>
        <translation>{offer} 已取消。</translation>
    </message>
</context>
<context>
    <name>SyncConflictsDialog</name>
    <message>
        <source>Reseller</source>
        <translation>轉銷商</translation>
    </message>
    <message>
        <source>Former (no relationship)</source>
        <translation>已結束（無關係）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>同步衝突</translation>
    </message>
    <message>
        <source>These fields were changed both in pcdesk and in Partner Center since the last sync. Nothing was overwritten: choose which value each customer keeps.</source>
        <translation>自上次同步以來，這些欄位在 pcdesk 與合作夥伴中心都有變更。沒有任何資料被覆寫：請為每位客戶選擇要保留的值。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>In pcdesk</source>
        <translation>pcdesk 中的值</translation>
    </message>
    <message>
        <source>In Partner Center</source>
        <translation>合作夥伴中心中的值</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>發現時間</translation>
    </message>
    <message>
        <source>No conflicts: pcdesk and Partner Center agree.</source>
        <translation>沒有衝突：pcdesk 與合作夥伴中心一致。</translation>
    </message>
    <message>
        <source>Take &amp;Partner Center&apos;s value</source>
        <translation>採用合作夥伴中心的值(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Keep pcdesk&apos;s value</source>
        <translation>保留 pcdesk 的值(&amp;K)</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team and roles</source>
        <translation>團隊與角色</translation>
    </message>
    <message>
        <source>Record who works in this database and their Partner Center roles: pcdesk lets each person do what the roles allow in Partner Center.</source>
        <translation>記錄使用此資料庫的人員及其合作夥伴中心角色：pcdesk 會讓每個人執行其角色在合作夥伴中心允許的操作。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>團隊</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>&amp;Add person</source>
        <translation>新增人員(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove person</source>
        <translation>移除人員(&amp;R)</translation>
    </message>
    <message>
        <source>add customers</source>
        <translation>新增客戶</translation>
    </message>
    <message>
        <source>attest customer agreements</source>
        <translation>確認客戶已接受合約</translation>
    </message>
    <message>
        <source>edit customer details</source>
        <translation>編輯客戶詳細資料</translation>
    </message>
    <message>
        <source>order and change subscriptions</source>
        <translation>訂購及變更訂用帳戶</translation>
    </message>
    <message>
        <source>request relationships</source>
        <translation>要求關係</translation>
    </message>
    <message>
        <source>remove relationships</source>
        <translation>移除關係</translation>
    </message>
    <message>
        <source>manage indirect resellers</source>
        <translation>管理間接轉銷商</translation>
    </message>
    <message>
        <source>change this team</source>
        <translation>變更此團隊</translation>
    </message>
    <message>
        <source>{role}: searches and views customers only.</source>
        <translation>{role}：只能搜尋及檢視客戶。</translation>
    </message>
    <message>
        <source>{role}: searches and views customers, and may {tasks}.</source>
        <translation>{role}：可搜尋及檢視客戶，並可{tasks}。</translation>
    </message>
    <message>
        <source>People who are not listed may only search, view and export customers (the partner profile and the price list are open to everyone).</source>
        <translation>未列出的人員只能搜尋、檢視及匯出客戶 (合作夥伴設定檔與價目表則開放給所有人)。</translation>
    </message>
    <message>
        <source>Nobody is listed yet, so everyone using this database holds every role. Once a team is saved, people who are not listed may only search, view and export customers. The first person you add is you, as Global admin: the team needs one, and you must be in it to change it again.</source>
        <translation>目前尚未列出任何人員，因此使用此資料庫的每個人都擁有所有角色。儲存團隊後，未列出的人員只能搜尋、檢視及匯出客戶。您新增的第一位人員是您自己，角色為全域管理員：團隊需要一位全域管理員，而且您必須在團隊中才能再次變更團隊。</translation>
    </message>
    <message>
        <source>Save the team with nobody in it?</source>
        <translation>要儲存沒有任何成員的團隊嗎？</translation>
    </message>
    <message>
        <source>Roles are then no longer checked: everyone who opens this database will hold every role, Global admin included, as before a team was recorded.</source>
        <translation>這樣將不再檢查角色：開啟此資料庫的每個人都會擁有所有角色 (包括全域管理員)，就像記錄團隊之前一樣。</translation>
    </message>
    <message>
        <source>&amp;Save with nobody</source>
        <translation>儲存空白團隊(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>繼續編輯(&amp;K)</translation>
    </message>
    <message>
        <source>You can see the team but not change it.</source>
        <translation>您可以檢視團隊，但無法變更。</translation>
    </message>
    <message>
        <source>The person&apos;s name as pcdesk knows them and records it in the history: their database login on a shared PostgreSQL database, else their Partner Center user while signed in, else their account on their computer.</source>
        <translation>pcdesk 辨識此人並記錄在歷程記錄中的名稱：在共用的 PostgreSQL 資料庫上是其資料庫登入帳號，否則是登入時的合作夥伴中心使用者，再否則是其電腦上的帳戶。</translation>
    </message>
    <message>
        <source>You are &lt;b&gt;{user}&lt;/b&gt;.</source>
        <translation>您是 &lt;b&gt;{user}&lt;/b&gt;。</translation>
    </message>
</context>
<context>
    <name>TeamLauncher</name>
    <message>
        <source>&amp;Team and roles…</source>
        <translation>團隊與角色(&amp;T)…</translation>
    </message>
    <message>
        <source>Who works in this database, and their Partner Center roles</source>
        <translation>使用此資料庫的人員及其合作夥伴中心角色</translation>
    </message>
</context>
<context>
    <name>account_summary</name>
    <message>
        <source>Accepted by {signer} ({email}) on {date}</source>
        <translation>由 {signer} ({email}) 於 {date} 接受</translation>
    </message>
    <message>
        <source>Pending: the customer will accept it in the Microsoft 365 admin center</source>
        <translation>待處理：客戶將在 Microsoft 365 系統管理中心接受合約</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名稱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要連絡人</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>網域</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Organization registration ID</source>
        <translation>組織註冊識別碼</translation>
    </message>
    <message>
        <source>Indirect reseller</source>
        <translation>間接轉銷商</translation>
    </message>
    <message>
        <source>Microsoft Customer Agreement</source>
        <translation>Microsoft 客戶合約</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>pcdesk</source>
        <translation>pcdesk</translation>
    </message>
    <message>
        <source>Something went wrong that pcdesk did not expect: {error}

Details were written to the log in {folder}.</source>
        <translation>pcdesk 發生未預期的錯誤：{error}

詳細資料已寫入 {folder} 中的記錄檔。</translation>
    </message>
    <message>
        <source>pcdesk cannot open the database</source>
        <translation>pcdesk 無法開啟資料庫</translation>
    </message>
    <message>
        <source>The new language will be used the next time pcdesk starts.</source>
        <translation>下次啟動 pcdesk 時會使用新的語言。</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>The offer {offer_id} is not in the catalog.</source>
        <translation>目錄中沒有供應項目 {offer_id}。</translation>
    </message>
    <message>
        <source>{column} is empty.</source>
        <translation>{column} 是空的。</translation>
    </message>
    <message>
        <source>{column} “{value}” is longer than {limit} characters.</source>
        <translation>{column}「{value}」超過 {limit} 個字元。</translation>
    </message>
    <message>
        <source>{column} “{value}” is not a number.</source>
        <translation>{column}「{value}」不是數字。</translation>
    </message>
    <message>
        <source>{column} “{value}” is negative.</source>
        <translation>{column}「{value}」是負數。</translation>
    </message>
    <message>
        <source>{column} “{value}” is too large.</source>
        <translation>{column}「{value}」太大。</translation>
    </message>
    <message>
        <source>{column} “{value}” is not a whole number.</source>
        <translation>{column}「{value}」不是整數。</translation>
    </message>
    <message>
        <source>{column} “{value}” is not a date (expected e.g. 2/1/2019 12:00:00 AM or 2019-02-01).</source>
        <translation>{column}「{value}」不是日期 (應為 2/1/2019 12:00:00 AM 或 2019-02-01 等格式)。</translation>
    </message>
    <message>
        <source>TermDuration “{value}” is not a term such as P1M, P1Y or P3Y.</source>
        <translation>TermDuration「{value}」不是 P1M、P1Y 或 P3Y 之類的期限。</translation>
    </message>
    <message>
        <source>BillingPlan “{value}” is not one of Monthly, Annual, Triennial or None.</source>
        <translation>BillingPlan「{value}」不是 Monthly、Annual、Triennial 或 None 其中之一。</translation>
    </message>
    <message>
        <source>Market “{value}” is not a two-letter country code.</source>
        <translation>Market「{value}」不是兩個字母的國家/地區代碼。</translation>
    </message>
    <message>
        <source>Currency “{value}” is not a three-letter currency code.</source>
        <translation>Currency「{value}」不是三個字母的貨幣代碼。</translation>
    </message>
    <message>
        <source>PricingTierRangeMin {minimum} is more than PricingTierRangeMax {maximum}.</source>
        <translation>PricingTierRangeMin {minimum} 大於 PricingTierRangeMax {maximum}。</translation>
    </message>
    <message>
        <source>EffectiveEndDate “{end}” is before EffectiveStartDate “{start}”.</source>
        <translation>EffectiveEndDate「{end}」早於 EffectiveStartDate「{start}」。</translation>
    </message>
    <message>
        <source>Line {line} of the price list is not valid CSV: {reason}</source>
        <translation>價目表第 {line} 行不是有效的 CSV：{reason}</translation>
    </message>
    <message>
        <source>The price list has the column “{column}” twice (columns {first} and {second}), so pcdesk cannot tell which to read. Keep one of them and try again.</source>
        <translation>價目表中「{column}」欄出現兩次（第 {first} 欄和第 {second} 欄），pcdesk 無法判斷要讀取哪一欄。請只保留其中一欄後再試一次。</translation>
    </message>
    <message>
        <source>This is not a Partner Center price list: the column(s) {columns} are missing from its first line.</source>
        <translation>這不是合作夥伴中心的價目表：第一行缺少 {columns} 欄。</translation>
    </message>
    <message>
        <source>The price list is empty.</source>
        <translation>價目表是空的。</translation>
    </message>
    <message>
        <source>The line has {count} values; the header has {expected}.</source>
        <translation>此行有 {count} 個值，標題列則有 {expected} 個。</translation>
    </message>
    <message>
        <source>pcdesk could not read {name}: {reason}</source>
        <translation>pcdesk 無法讀取 {name}：{reason}</translation>
    </message>
    <message>
        <source>The price list is not UTF-8 text; save it as CSV UTF-8 and retry.</source>
        <translation>價目表不是 UTF-8 文字；請另存為 CSV UTF-8 後再試一次。</translation>
    </message>
    <message>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <source>The price list was not imported: {lines} line(s) are wrong. {shown}; and {more} more.</source>
        <translation>未匯入價目表：有 {lines} 行錯誤。{shown}；另有 {more} 項。</translation>
    </message>
    <message>
        <source>The price list was not imported: {lines} line(s) are wrong. {shown}</source>
        <translation>未匯入價目表：有 {lines} 行錯誤。{shown}</translation>
    </message>
</context>
<context>
    <name>csv</name>
    <message>
        <source>a value is longer than any cell can be</source>
        <translation>有一個值比任何儲存格所能容納的都長</translation>
    </message>
    <message>
        <source>a quoted value is never closed</source>
        <translation>有一個以引號開頭的值沒有結束引號</translation>
    </message>
    <message>
        <source>it holds a NUL character, so it is not text</source>
        <translation>其中含有 NUL 字元，因此不是文字</translation>
    </message>
    <message>
        <source>a quoted value is followed by more text before its comma</source>
        <translation>有一個加引號的值在逗號之前還接著其他文字</translation>
    </message>
    <message>
        <source>a line break stands in the middle of a value</source>
        <translation>有一個值的中間出現換行</translation>
    </message>
    <message>
        <source>it does not follow the CSV format</source>
        <translation>不符合 CSV 格式</translation>
    </message>
</context>
<context>
    <name>customer_edits</name>
    <message>
        <source>Another workstation changed this customer while you were working on it. Nothing was saved. The values now saved are shown; make your change again if it is still needed.</source>
        <translation>您處理此客戶時，另一部工作站變更了它，未儲存任何內容。目前顯示的是已儲存的值；如有需要，請再變更一次。</translation>
    </message>
    <message>
        <source>The initial domain {domain} can never be changed.</source>
        <translation>初始網域 {domain} 永遠無法變更。</translation>
    </message>
    <message>
        <source>A customer&apos;s country/region cannot be changed.</source>
        <translation>客戶的國家/地區無法變更。</translation>
    </message>
    <message>
        <source>This customer&apos;s agreement is not pending acceptance: there is nothing to confirm.</source>
        <translation>此客戶的合約並非等待接受：沒有需要確認的內容。</translation>
    </message>
    <message>
        <source>Confirm that the customer accepted the Microsoft Customer Agreement.</source>
        <translation>請確認客戶已接受 Microsoft 客戶合約。</translation>
    </message>
</context>
<context>
    <name>customer_import</name>
    <message>
        <source>{file} is not UTF-8 text (line {line} is not). In Excel, save it as “CSV UTF-8 (Comma delimited)” and import it again.</source>
        <translation>{file} 不是 UTF-8 文字 (第 {line} 行不是)。請在 Excel 中另存為「CSV UTF-8 (逗號分隔)」，然後再匯入一次。</translation>
    </message>
    <message>
        <source>“{encoding}” is not a text encoding.</source>
        <translation>「{encoding}」不是文字編碼。</translation>
    </message>
    <message>
        <source>Line {line} of {file} is not valid CSV: {reason}</source>
        <translation>{file} 第 {line} 行不是有效的 CSV：{reason}</translation>
    </message>
    <message>
        <source>{file} is not {encoding} text (line {line} is not).</source>
        <translation>{file} 不是 {encoding} 文字 (第 {line} 行不是)。</translation>
    </message>
    <message>
        <source>{file} has the column “{column}” twice (columns {first} and {second}), so pcdesk cannot tell which to read. Keep one of them and import it again.</source>
        <translation>{file} 中「{column}」欄出現兩次（第 {first} 欄和第 {second} 欄），pcdesk 無法判斷要讀取哪一欄。請只保留其中一欄後再匯入一次。</translation>
    </message>
    <message>
        <source>{file} is not a customer list: its first line lacks the column(s) {columns}. Export the list from Partner Center (Customers, Export) or from pcdesk.</source>
        <translation>{file} 不是客戶清單：第一行缺少 {columns} 欄。請從合作夥伴中心 ([客戶] &gt; [匯出]) 或 pcdesk 匯出清單。</translation>
    </message>
    <message>
        <source>{file} looks like a pcdesk export, but the column(s) {columns} are missing. Put them back, or keep only Partner Center&apos;s columns.</source>
        <translation>{file} 看起來像 pcdesk 匯出檔，但缺少 {columns} 欄。請將這些欄放回，或只保留合作夥伴中心的欄位。</translation>
    </message>
    <message>
        <source>{column}: {problem}</source>
        <translation>{column}：{problem}</translation>
    </message>
    <message>
        <source>The same Microsoft ID as line {line}; only that line is imported.</source>
        <translation>Microsoft 識別碼與第 {line} 行相同；只會匯入該行。</translation>
    </message>
    <message>
        <source>The same initial domain as line {line}; only that line is imported.</source>
        <translation>初始網域與第 {line} 行相同；只會匯入該行。</translation>
    </message>
    <message>
        <source>No indirect reseller has the Partner ID {id}. Add the reseller first.</source>
        <translation>沒有合作夥伴識別碼為 {id} 的間接轉銷商。請先新增此轉銷商。</translation>
    </message>
    <message>
        <source>The indirect reseller {name} is suspended.</source>
        <translation>間接轉銷商「{name}」已暫停。</translation>
    </message>
    <message>
        <source>A customer&apos;s country/region cannot be changed (it is {country}).</source>
        <translation>客戶的國家/地區無法變更 (目前為{country})。</translation>
    </message>
    <message>
        <source>{domain} is not an initial domain (name.onmicrosoft.com); pcdesk needs the customer&apos;s initial domain to add it. Put it in the Primary domain name column.</source>
        <translation>{domain} 不是初始網域 (name.onmicrosoft.com)；pcdesk 需要客戶的初始網域才能新增客戶。請將初始網域放在 Primary domain name 欄中。</translation>
    </message>
    <message>
        <source>The Microsoft ID is that of {customer}, but {domain} is the initial domain of {other}.</source>
        <translation>此 Microsoft 識別碼屬於 {customer}，但 {domain} 是 {other} 的初始網域。</translation>
    </message>
    <message>
        <source>The Microsoft ID is that of {customer}; a customer&apos;s initial domain never changes, so it cannot become {domain}.</source>
        <translation>此 Microsoft 識別碼屬於 {customer}；客戶的初始網域永遠不會變更，因此無法變成 {domain}。</translation>
    </message>
    <message>
        <source>{domain} is the initial domain of {customer}, whose Microsoft ID is {id}.</source>
        <translation>{domain} 是 {customer} 的初始網域，其 Microsoft 識別碼為 {id}。</translation>
    </message>
    <message>
        <source>{count} row(s) of the file cannot be imported. Nothing was imported: fix the file, or choose to skip those rows.</source>
        <translation>檔案中有 {count} 列無法匯入。未匯入任何內容：請修正檔案，或選擇略過這些資料列。</translation>
    </message>
    <message>
        <source>Since the preview, another workstation added customers of this file. Nothing was imported; preview the file again.</source>
        <translation>預覽後，另一部工作站已新增此檔案中的客戶。未匯入任何內容；請重新預覽檔案。</translation>
    </message>
    <message>
        <source>Since the preview, another workstation added or changed customers of this file (line {lines}). Nothing was imported; preview the file again.</source>
        <translation>預覽後，另一部工作站已新增或變更此檔案中的客戶 (第 {lines} 行)。未匯入任何內容；請重新預覽檔案。</translation>
    </message>
    <message>
        <source>Indirect resellers cannot add customers. Request a reseller relationship instead.</source>
        <translation>間接轉銷商無法新增客戶，請改為要求建立轉銷商關係。</translation>
    </message>
    <message>
        <source>The Microsoft ID is empty.</source>
        <translation>Microsoft 識別碼是空的。</translation>
    </message>
    <message>
        <source>“{value}” is not a Microsoft ID (a GUID).</source>
        <translation>「{value}」不是 Microsoft 識別碼 (GUID)。</translation>
    </message>
    <message>
        <source>The primary domain name is empty.</source>
        <translation>主要網域名稱是空的。</translation>
    </message>
    <message>
        <source>“{value}” is not a relationship (one of {known}).</source>
        <translation>「{value}」不是關係 (應為 {known} 其中之一)。</translation>
    </message>
    <message>
        <source>Tags: at most {limit} characters; these have {count}.</source>
        <translation>標籤：最多 {limit} 個字元，目前有 {count} 個。</translation>
    </message>
    <message>
        <source>“{value}” is not one of {known}.</source>
        <translation>「{value}」不是 {known} 其中之一。</translation>
    </message>
    <message>
        <source>“{value}” is not a date like 2025-01-31.</source>
        <translation>「{value}」不是 2025-01-31 這類的日期。</translation>
    </message>
    <message>
        <source>“{value}” is not a time like 2025-01-31 14:05:00 (UTC).</source>
        <translation>「{value}」不是 2025-01-31 14:05:00 (UTC) 這類的時間。</translation>
    </message>
    <message>
        <source>“{value}” is not accepted, pending or empty.</source>
        <translation>「{value}」不是 accepted、pending 或空白。</translation>
    </message>
    <message>
        <source>The line has {count} values; the header has {expected}.</source>
        <translation>此行有 {count} 個值，標題列則有 {expected} 個。</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} 是空的。</translation>
    </message>
    <message>
        <source>pcdesk could not read {file}: {reason}</source>
        <translation>pcdesk 無法讀取 {file}：{reason}</translation>
    </message>
</context>
<context>
    <name>customers</name>
    <message>
        <source>{domain} is already taken. Choose another domain.</source>
        <translation>{domain} 已有人使用，請選擇其他網域。</translation>
    </message>
    <message>
        <source>“{value}” is not a Microsoft ID (a GUID).</source>
        <translation>「{value}」不是 Microsoft 識別碼 (GUID)。</translation>
    </message>
    <message>
        <source>A customer with Microsoft ID {id} already exists.</source>
        <translation>已有 Microsoft 識別碼為 {id} 的客戶。</translation>
    </message>
    <message>
        <source>Indirect resellers cannot add customers. Request a reseller relationship instead.</source>
        <translation>間接轉銷商無法新增客戶，請改為要求建立轉銷商關係。</translation>
    </message>
    <message>
        <source>This indirect reseller is suspended or no longer exists.</source>
        <translation>此間接轉銷商已暫停或不存在。</translation>
    </message>
    <message>
        <source>No subscriptions can be ordered until the customer accepts the Microsoft Customer Agreement.</source>
        <translation>在客戶接受 Microsoft 客戶合約之前，無法訂購訂用帳戶。</translation>
    </message>
    <message>
        <source>This offer is no longer in the catalog.</source>
        <translation>目錄中已沒有此供應項目。</translation>
    </message>
    <message>
        <source>{offer} is not sold in {market}.</source>
        <translation>{market}未販售 {offer}。</translation>
    </message>
    <message>
        <source>{offer} takes at most {maximum} licenses per customer, and this customer already has {held}.</source>
        <translation>{offer} 每位客戶最多 {maximum} 個授權，而此客戶已有 {held} 個。</translation>
    </message>
    <message>
        <source>{offer} takes from {minimum} to {maximum} licenses.</source>
        <translation>{offer} 可購買 {minimum} 到 {maximum} 個授權。</translation>
    </message>
    <message>
        <source>{domain} is not used in this database.</source>
        <translation>此資料庫中沒有使用 {domain}。</translation>
    </message>
</context>
<context>
    <name>database</name>
    <message>
        <source>“{url}” is not a database address pcdesk understands.</source>
        <translation>「{url}」不是 pcdesk 可辨識的資料庫位址。</translation>
    </message>
    <message>
        <source>pcdesk could not create the folder for the database {url}: {reason}</source>
        <translation>pcdesk 無法建立資料庫 {url} 的資料夾：{reason}</translation>
    </message>
    <message>
        <source>pcdesk cannot use the database {url}: {reason}</source>
        <translation>pcdesk 無法使用資料庫 {url}：{reason}</translation>
    </message>
    <message>
        <source>The database login {login} may not use the pcdesk database {url}: it is not in its team. Ask whoever manages the database to add {login} in Partner &gt; Team and roles.</source>
        <translation>資料庫登入 {login} 不得使用 pcdesk 資料庫 {url}：它不在這個資料庫的團隊中。請管理資料庫的人在「合作夥伴 &gt; 團隊與角色」中加入 {login}。</translation>
    </message>
    <message>
        <source>The database {url} has no schema {schema} to work in. Check the database&apos;s address, or ask whoever manages the server to create the schema.</source>
        <translation>資料庫 {url} 沒有可供使用的結構描述 {schema}。請檢查資料庫位址，或請管理伺服器的人建立這個結構描述。</translation>
    </message>
    <message>
        <source>The database file {path} is missing. pcdesk does not make a new, empty database in its place: if its drive is disconnected, reconnect it; if it was moved, open it where it is now with File &gt; Open database.</source>
        <translation>找不到資料庫檔案 {path}。pcdesk 不會在原處建立新的空白資料庫：如果其磁碟已中斷連線，請重新連接；如果檔案已被移動，請使用「檔案 &gt; 開啟資料庫」從新的位置開啟。</translation>
    </message>
    <message>
        <source>The database {url} was written by a newer version of pcdesk (schema {revision}). Update pcdesk to open it; the database was not changed.</source>
        <translation>資料庫 {url} 由較新版本的 pcdesk 寫入 (結構描述 {revision})。請更新 pcdesk 後再開啟；資料庫未經變更。</translation>
    </message>
    <message>
        <source>The database {url} already holds tables that are not pcdesk&apos;s. Choose an empty database or a pcdesk database.</source>
        <translation>資料庫 {url} 中已有不屬於 pcdesk 的資料表。請選擇空白資料庫或 pcdesk 資料庫。</translation>
    </message>
    <message>
        <source>pcdesk could not open the database {url}. {problem}</source>
        <translation>pcdesk 無法開啟資料庫 {url}。{problem}</translation>
    </message>
    <message>
        <source>pcdesk could not open the database {url}: {reason}</source>
        <translation>pcdesk 無法開啟資料庫 {url}：{reason}</translation>
    </message>
</context>
<context>
    <name>failures</name>
    <message>
        <source>Something went wrong that pcdesk did not expect ({kind}). Nothing more was saved than what you saw saved.

Details were written to pcdesk&apos;s log.</source>
        <translation>發生了 pcdesk 未預期的問題（{kind}）。除了您已看到儲存的內容之外，沒有儲存其他任何內容。

詳細資訊已寫入 pcdesk 的記錄檔。</translation>
    </message>
    <message>
        <source>pcdesk</source>
        <translation>pcdesk</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>Customer added</source>
        <translation>已新增客戶</translation>
    </message>
    <message>
        <source>Account changed</source>
        <translation>帳戶已變更</translation>
    </message>
    <message>
        <source>Customer imported</source>
        <translation>已匯入客戶</translation>
    </message>
    <message>
        <source>Agreement acceptance recorded</source>
        <translation>已記錄合約接受</translation>
    </message>
    <message>
        <source>Subscription ordered</source>
        <translation>已訂購訂用帳戶</translation>
    </message>
    <message>
        <source>Licenses changed</source>
        <translation>授權已變更</translation>
    </message>
    <message>
        <source>Subscription suspended</source>
        <translation>訂用帳戶已暫停</translation>
    </message>
    <message>
        <source>Subscription reactivated</source>
        <translation>訂用帳戶已重新啟用</translation>
    </message>
    <message>
        <source>Subscription cancelled</source>
        <translation>訂用帳戶已取消</translation>
    </message>
    <message>
        <source>Relationship requested</source>
        <translation>已要求關係</translation>
    </message>
    <message>
        <source>Relationship request changed</source>
        <translation>關係要求已變更</translation>
    </message>
    <message>
        <source>Relationship removed</source>
        <translation>已移除關係</translation>
    </message>
    <message>
        <source>Relationship request accepted</source>
        <translation>關係要求已接受</translation>
    </message>
    <message>
        <source>Relationship request cancelled</source>
        <translation>關係要求已取消</translation>
    </message>
    <message>
        <source>Other relationship requests accepted</source>
        <translation>其他關係要求已接受</translation>
    </message>
    <message>
        <source>Added from Partner Center</source>
        <translation>從合作夥伴中心新增</translation>
    </message>
    <message>
        <source>Changed in Partner Center</source>
        <translation>在合作夥伴中心變更</translation>
    </message>
    <message>
        <source>Changed both here and in Partner Center (a conflict to settle)</source>
        <translation>此處與合作夥伴中心都有變更（待解決的衝突）</translation>
    </message>
    <message>
        <source>Sync conflict settled</source>
        <translation>同步衝突已解決</translation>
    </message>
    <message>
        <source>No longer in Partner Center</source>
        <translation>已不在合作夥伴中心</translation>
    </message>
    <message>
        <source>Subscription found in Partner Center</source>
        <translation>在合作夥伴中心找到訂用帳戶</translation>
    </message>
    <message>
        <source>Subscription changed in Partner Center</source>
        <translation>訂用帳戶在合作夥伴中心變更</translation>
    </message>
    <message>
        <source>Change made in Partner Center</source>
        <translation>已在合作夥伴中心完成變更</translation>
    </message>
    <message>
        <source>Refused by Partner Center (not added)</source>
        <translation>遭合作夥伴中心拒絕（未新增）</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>公司名稱</translation>
    </message>
    <message>
        <source>Country/region</source>
        <translation>國家/地區</translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation>地址第 1 行</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>地址第 2 行</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>State/province</source>
        <translation>州/省</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵遞區號</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>名字</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>姓氏</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Organization registration ID</source>
        <translation>組織註冊識別碼</translation>
    </message>
    <message>
        <source>Indirect reseller</source>
        <translation>間接轉銷商</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>關係</translation>
    </message>
    <message>
        <source>Account status</source>
        <translation>帳戶狀態</translation>
    </message>
    <message>
        <source>Customer agreement</source>
        <translation>客戶合約</translation>
    </message>
    <message>
        <source>Microsoft ID</source>
        <translation>Microsoft 識別碼</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空白)</translation>
    </message>
    <message>
        <source>reseller {id}</source>
        <translation>轉銷商 {id}</translation>
    </message>
    <message>
        <source>agreement accepted</source>
        <translation>合約已接受</translation>
    </message>
    <message>
        <source>agreement pending</source>
        <translation>合約待接受</translation>
    </message>
    <message>
        <source>from an accepted relationship request</source>
        <translation>來自已接受的關係要求</translation>
    </message>
    <message>
        <source>{customer}; from {file}, line {line}</source>
        <translation>{customer}；來自 {file} 第 {line} 行</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}：{old} → {new}</translation>
    </message>
    <message>
        <source>from {file}, line {line}</source>
        <translation>來自 {file} 第 {line} 行</translation>
    </message>
    <message>
        <source>Signed by {signer} ({email}) on {date}</source>
        <translation>由 {signer} ({email}) 於 {date} 簽署</translation>
    </message>
    <message>
        <source>{offer}: {count} licenses, {term}</source>
        <translation>{offer}：{count} 個授權，{term}</translation>
    </message>
    <message>
        <source>{offer}: {old} → {new} licenses</source>
        <translation>{offer}：{old} → {new} 個授權</translation>
    </message>
    <message>
        <source>To {recipient}, in {language}</source>
        <translation>傳送給 {recipient}，語言：{language}</translation>
    </message>
    <message>
        <source>In {language}</source>
        <translation>語言：{language}</translation>
    </message>
    <message>
        <source>customer added</source>
        <translation>已新增客戶</translation>
    </message>
    <message>
        <source>customer linked</source>
        <translation>已連結客戶</translation>
    </message>
    <message>
        <source>1 other pending request: the customer accepted the same invitation</source>
        <translation>另有 1 個待處理的要求：客戶已接受相同的邀請</translation>
    </message>
    <message>
        <source>%Ln other pending requests: the customer accepted the same invitation</source>
        <translation>另有 %Ln 個待處理的要求：客戶已接受相同的邀請</translation>
    </message>
    <message>
        <source>{offer} ({count} licenses)</source>
        <translation>{offer} ({count} 個授權)</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Reseller</source>
        <translation>轉銷商</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>顧問</translation>
    </message>
    <message>
        <source>Syndication</source>
        <translation>聯合</translation>
    </message>
    <message>
        <source>Microsoft support</source>
        <translation>Microsoft 支援</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未記錄</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待處理</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>審核中</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>The database is busy: another workstation is saving or reading a lot. Nothing was saved; try again in a moment.</source>
        <translation>資料庫忙碌中：另一部工作站正在儲存或讀取大量資料。未儲存任何內容；請稍後再試。</translation>
    </message>
    <message>
        <source>The database can only be read, not changed (a read-only file, folder or drive). Nothing was saved. Ask whoever manages it to let you write to it, or open a copy you can change.</source>
        <translation>資料庫只能讀取，無法變更（唯讀的檔案、資料夾或磁碟）。未儲存任何內容。請向管理者要求寫入權限，或開啟一份您可以變更的複本。</translation>
    </message>
    <message>
        <source>The disk holding the database is full. Nothing was saved. Free some space on it, then try again.</source>
        <translation>存放資料庫的磁碟已滿。未儲存任何內容。請釋出一些空間後再試。</translation>
    </message>
    <message>
        <source>The database file cannot be reached any more: its folder may have been moved or deleted, or its drive disconnected. Nothing was saved. Reconnect the drive or open the database again.</source>
        <translation>已無法存取資料庫檔案：其資料夾可能已被移動或刪除，或其磁碟已中斷連線。未儲存任何內容。請重新連接磁碟，或再次開啟資料庫。</translation>
    </message>
    <message>
        <source>This file is not a pcdesk database (or it is encrypted). Nothing was saved. Open your database with File &gt; Open database.</source>
        <translation>此檔案不是 pcdesk 資料庫（或已加密）。未儲存任何內容。請使用「檔案 &gt; 開啟資料庫」開啟您的資料庫。</translation>
    </message>
    <message>
        <source>The database file is damaged. Nothing was saved. Restore it from a backup before working in it again.</source>
        <translation>資料庫檔案已損毀。未儲存任何內容。請先從備份還原，再繼續使用。</translation>
    </message>
    <message>
        <source>The database server cannot be reached. Nothing was saved; check your network connection and try again.</source>
        <translation>無法連線到資料庫伺服器。未儲存任何內容；請檢查網路連線後再試。</translation>
    </message>
    <message>
        <source>The database server refused this: your database login is not allowed to do it. Nothing was saved; ask whoever manages the database.</source>
        <translation>資料庫伺服器拒絕了此操作：您的資料庫登入帳號沒有這項權限。未儲存任何內容；請洽詢資料庫管理者。</translation>
    </message>
    <message>
        <source>The database is busy or cannot be reached. Nothing was saved; try again. If this keeps happening, check your network connection, or ask whoever else works in the database to finish what they are saving.</source>
        <translation>資料庫忙碌中或無法連線，未儲存任何內容，請再試一次。如果一直發生這種情況，請檢查網路連線，或請其他正在使用資料庫的人先完成他們的儲存作業。</translation>
    </message>
    <message>
        <source>{problems}</source>
        <translation>{problems}</translation>
    </message>
    <message>
        <source>This record no longer exists: another workstation may have removed it.</source>
        <translation>此記錄已不存在：可能已被另一部工作站移除。</translation>
    </message>
    <message>
        <source>Another workstation changed this first. Nothing was saved; look at it again and retry.</source>
        <translation>另一部工作站已先變更了此項目。未儲存任何內容；請再查看一次後重試。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消。未寫入任何內容。</translation>
    </message>
</context>
<context>
    <name>offers</name>
    <message>
        <source>1 month</source>
        <translation>1 個月</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>3 years</source>
        <translation>3 年</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Triennial</source>
        <translation>每三年</translation>
    </message>
    <message>
        <source>No charge</source>
        <translation>免費</translation>
    </message>
    <message>
        <source>1-month term</source>
        <translation>1 個月期</translation>
    </message>
    <message>
        <source>1-year term</source>
        <translation>1 年期</translation>
    </message>
    <message>
        <source>3-year term</source>
        <translation>3 年期</translation>
    </message>
    <message>
        <source>1 license</source>
        <translation>1 個授權</translation>
    </message>
    <message>
        <source>{count} licenses</source>
        <translation>{count} 個授權</translation>
    </message>
    <message>
        <source>billed monthly, {price} a month</source>
        <translation>每月計費，每月 {price}</translation>
    </message>
    <message>
        <source>billed annually, {price} a year</source>
        <translation>每年計費，每年 {price}</translation>
    </message>
    <message>
        <source>billed once, {price} for 3 years</source>
        <translation>一次計費，3 年 {price}</translation>
    </message>
    <message>
        <source>no charge</source>
        <translation>免費</translation>
    </message>
</context>
<context>
    <name>outbox</name>
    <message>
        <source>This change may already have reached Partner Center (it was being sent), so it can no longer be edited or cancelled. Wait for its answer.</source>
        <translation>此變更可能已送達合作夥伴中心（正在傳送中），因此無法再編輯或取消。請等候回應。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>請輸入整數。</translation>
    </message>
    <message>
        <source>Enter at least 1.</source>
        <translation>請輸入至少 1。</translation>
    </message>
    <message>
        <source>Add customer {company} ({domain})</source>
        <translation>新增客戶 {company}（{domain}）</translation>
    </message>
    <message>
        <source>Cancel {offer}</source>
        <translation>取消 {offer}</translation>
    </message>
    <message>
        <source>Suspend {offer}</source>
        <translation>暫停 {offer}</translation>
    </message>
    <message>
        <source>{offer}: {before} → {quantity} licences</source>
        <translation>{offer}：{before} → {quantity} 個授權</translation>
    </message>
    <message>
        <source>Order {count} offers for {company}</source>
        <translation>為 {company} 訂購 {count} 項供應項目</translation>
    </message>
    <message>
        <source>Remove the reseller relationship with {company}</source>
        <translation>移除與 {company} 的轉銷商關係</translation>
    </message>
</context>
<context>
    <name>partner_center</name>
    <message>
        <source>Company name</source>
        <translation>公司名稱</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>關係</translation>
    </message>
    <message>
        <source>Indirect reseller</source>
        <translation>間接轉銷商</translation>
    </message>
    <message>
        <source>This conflict was already settled, or its customer was removed.</source>
        <translation>此衝突已經解決，或其客戶已被移除。</translation>
    </message>
    <message>
        <source>The sync was cancelled. What it brought in so far is kept, and the next sync goes on from there.</source>
        <translation>同步已取消。目前已取得的資料會保留，下次同步會從中斷處繼續。</translation>
    </message>
    <message>
        <source>Partner Center is reviewing this customer&apos;s account (Under review): orders and subscription changes wait until the review ends (error {code}; request ID {request_id}).</source>
        <translation>合作夥伴中心正在審核此客戶的帳戶（審核中）：訂單與訂閱變更須等候審核結束（錯誤 {code}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center did not approve this customer&apos;s account, so it takes no orders or subscription changes for it (error {code}; request ID {request_id}).</source>
        <translation>合作夥伴中心未核准此客戶的帳戶，因此不接受其訂單或訂閱變更（錯誤 {code}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center no longer lets these licences be reduced: the window for reducing them has passed (error {code}; request ID {request_id}).</source>
        <translation>合作夥伴中心已不允許減少這些授權：減少授權的期限已過（錯誤 {code}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center no longer lets this subscription be cancelled: its cancellation window has passed (error {code}; request ID {request_id}).</source>
        <translation>合作夥伴中心已不允許取消此訂閱：取消期限已過（錯誤 {code}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>The customer has not accepted the Microsoft Customer Agreement, so Partner Center refuses the purchase (error {code}; request ID {request_id}).</source>
        <translation>客戶尚未接受 Microsoft 客戶合約，因此合作夥伴中心拒絕此購買（錯誤 {code}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>The subscription changed in Partner Center since pcdesk read it (error {code}; request ID {request_id}).</source>
        <translation>自 pcdesk 讀取後，此訂閱已在合作夥伴中心變更（錯誤 {code}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center does not change the licences of a suspended subscription: reactivate it first (error {code}; request ID {request_id}).</source>
        <translation>合作夥伴中心不會變更已暫停訂閱的授權：請先重新啟用（錯誤 {code}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center refused: your account or its role does not allow this. {detail} (HTTP 403, error {code}; request ID {request_id}).</source>
        <translation>合作夥伴中心拒絕：您的帳戶或其角色不允許此操作。{detail}（HTTP 403，錯誤 {code}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center refused the request: {description} (error {code}, HTTP {status}; request ID {request_id}).</source>
        <translation>合作夥伴中心拒絕了此要求：{description}（錯誤 {code}，HTTP {status}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center answered with an error (HTTP {status}; request ID {request_id}).</source>
        <translation>合作夥伴中心傳回錯誤（HTTP {status}；要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center could not be reached. Check your network connection and try again; nothing is lost (request ID {request_id}).</source>
        <translation>無法連線到合作夥伴中心。請檢查網路連線後再試一次；資料不會遺失（要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center sent an answer pcdesk cannot read (request ID {request_id}). Try again later.</source>
        <translation>合作夥伴中心傳回了 pcdesk 無法讀取的回應（要求識別碼 {request_id}）。請稍後再試。</translation>
    </message>
    <message>
        <source>Your Partner Center sign-in has expired or was refused. Sign in again (request ID {request_id}).</source>
        <translation>您的合作夥伴中心登入已過期或遭拒絕。請重新登入（要求識別碼 {request_id}）。</translation>
    </message>
    <message>
        <source>Partner Center requires multi-factor authentication (MFA), and this sign-in did not use it. Set up MFA for your work account (https://aka.ms/mfasetup), then sign out and sign in again.</source>
        <translation>合作夥伴中心要求多重要素驗證 (MFA)，而這次登入並未使用。請為您的公司帳戶設定 MFA (https://aka.ms/mfasetup)，然後登出並重新登入。</translation>
    </message>
    <message>
        <source>You are not signed in to Partner Center. Sign in first (Partner &gt; Sign in to Partner Center), or set PCDESK_PARTNER_CENTER_TOKEN.</source>
        <translation>您尚未登入合作夥伴中心。請先登入（合作夥伴 &gt; 登入合作夥伴中心），或設定 PCDESK_PARTNER_CENTER_TOKEN。</translation>
    </message>
    <message>
        <source>Enter your Partner Center application (client) ID in the partner profile first. You get it in Partner Center under Account settings &gt; App management &gt; Add new native app.</source>
        <translation>請先在合作夥伴設定檔中輸入您的合作夥伴中心應用程式（用戶端）識別碼。您可以在合作夥伴中心的 帳戶設定 &gt; 應用程式管理 &gt; 新增原生應用程式 取得。</translation>
    </message>
    <message>
        <source>Signing in to Partner Center failed: {reason}</source>
        <translation>登入合作夥伴中心失敗：{reason}</translation>
    </message>
    <message>
        <source>This computer has no secure store for your Partner Center sign-in (such as the Windows credential store, the macOS Keychain or the GNOME keyring), so pcdesk keeps it in memory only: you will sign in again at every start.</source>
        <translation>這部電腦沒有可安全保存合作夥伴中心登入資訊的位置（例如 Windows 認證存放區、macOS 鑰匙圈或 GNOME 金鑰圈），因此 pcdesk 只將其保留在記憶體中：每次啟動時您都需要重新登入。</translation>
    </message>
    <message>
        <source>The application ID is a GUID, such as 1950a258-227b-4e31-a9cf-717495945fc2.</source>
        <translation>應用程式識別碼是 GUID，例如 1950a258-227b-4e31-a9cf-717495945fc2。</translation>
    </message>
    <message>
        <source>Enter the partner profile first.</source>
        <translation>請先輸入合作夥伴設定檔。</translation>
    </message>
    <message>
        <source>Synced with Partner Center: {added} added, {updated} updated, {former} marked former, {conflicts} conflict(s) to settle; {subscriptions} subscription(s) added or changed.</source>
        <translation>已與合作夥伴中心同步：新增 {added} 個、更新 {updated} 個、標示為已結束 {former} 個，待解決的衝突 {conflicts} 個；新增或變更了 {subscriptions} 個訂用帳戶。</translation>
    </message>
    <message>
        <source>Pending changes sent: {sent}; refused: {failed}. The rest waits: {reason}</source>
        <translation>已傳送的待處理變更：{sent}；遭拒絕：{failed}。其餘的變更仍在等候：{reason}</translation>
    </message>
    <message>
        <source>Pending changes sent to Partner Center: {sent}; refused: {failed}.</source>
        <translation>已傳送至合作夥伴中心的待處理變更：{sent}；遭拒絕：{failed}。</translation>
    </message>
    <message>
        <source>Partner Center says {domain} is already taken. Choose another domain and send the customer again.</source>
        <translation>合作夥伴中心表示 {domain} 已被使用。請選擇其他網域，然後再次傳送此客戶。</translation>
    </message>
    <message>
        <source>{domain} is available in Partner Center.</source>
        <translation>{domain} 在合作夥伴中心可供使用。</translation>
    </message>
    <message>
        <source>{domain} is not used in this database. Partner Center checks it when you submit.</source>
        <translation>此資料庫中沒有使用 {domain}。合作夥伴中心會在您提交時檢查。</translation>
    </message>
    <message>
        <source>{domain} is already taken in Partner Center. Choose another domain.</source>
        <translation>{domain} 在合作夥伴中心已被使用。請選擇其他網域。</translation>
    </message>
    <message>
        <source>Partner Center requires the organization registration ID in {country}.</source>
        <translation>合作夥伴中心要求在{country}提供組織登記編號。</translation>
    </message>
    <message>
        <source>Partner Center does not accept this registration ID in {country} (for example {sample}).</source>
        <translation>合作夥伴中心不接受{country}的此登記編號（範例：{sample}）。</translation>
    </message>
    <message>
        <source>Partner Center requires a phone number in {country}.</source>
        <translation>合作夥伴中心要求在{country}提供電話號碼。</translation>
    </message>
    <message>
        <source>Partner Center does not accept this postal code in {country}.</source>
        <translation>合作夥伴中心不接受{country}的此郵遞區號。</translation>
    </message>
    <message>
        <source>Partner Center verified this address.</source>
        <translation>合作夥伴中心已驗證此地址。</translation>
    </message>
    <message>
        <source>Partner Center suggests a correction.</source>
        <translation>合作夥伴中心建議修正地址。</translation>
    </message>
    <message>
        <source>Partner Center found the street only in part.</source>
        <translation>合作夥伴中心只找到部分的街道資訊。</translation>
    </message>
    <message>
        <source>Partner Center found the building only in part.</source>
        <translation>合作夥伴中心只找到部分的建築物資訊。</translation>
    </message>
    <message>
        <source>Partner Center found several matching addresses.</source>
        <translation>合作夥伴中心找到數個相符的地址。</translation>
    </message>
    <message>
        <source>Partner Center could not find this address.</source>
        <translation>合作夥伴中心找不到此地址。</translation>
    </message>
    <message>
        <source>Partner Center could not check this address.</source>
        <translation>合作夥伴中心無法檢查此地址。</translation>
    </message>
    <message>
        <source>Partner Center says: {status}.</source>
        <translation>合作夥伴中心表示：{status}。</translation>
    </message>
    <message>
        <source>Partner Center could not be reached, so the customer is saved here and is not yet in Partner Center: its creation waits in Pending changes and is sent when Partner Center can be reached.</source>
        <translation>無法連線到合作夥伴中心，因此客戶已儲存在此處，但尚未在合作夥伴中心建立：建立作業會在「待處理的變更」中等候，並在可連線到合作夥伴中心時傳送。</translation>
    </message>
    <message>
        <source>You are not signed in to Partner Center, so the customer is saved here and is not yet in Partner Center: its creation waits in Pending changes and is sent once you sign in.</source>
        <translation>您尚未登入合作夥伴中心，因此客戶已儲存在此處，但尚未在合作夥伴中心建立：建立作業會在「待處理的變更」中等候，並在您登入後傳送。</translation>
    </message>
    <message>
        <source>This indirect reseller has no Microsoft tenant ID in pcdesk, so Partner Center cannot be told whose customer this is. Sync with Partner Center first.</source>
        <translation>此間接轉銷商在 pcdesk 中沒有 Microsoft 租用戶識別碼，因此無法告知合作夥伴中心此客戶屬於誰。請先與合作夥伴中心同步。</translation>
    </message>
    <message>
        <source>This subscription can no longer be cancelled: its cancellation window closed ({deadline}). Nothing was sent to Partner Center.</source>
        <translation>此訂閱已無法取消：取消期限已過（{deadline}）。未傳送任何內容至合作夥伴中心。</translation>
    </message>
    <message>
        <source>Partner Center allows reducing these licences by at most {refundable} until {deadline}; this change reduces them by {reduced}. Nothing was sent to Partner Center.</source>
        <translation>合作夥伴中心在 {deadline} 之前最多允許減少 {refundable} 個授權；此變更會減少 {reduced} 個。未傳送任何內容至合作夥伴中心。</translation>
    </message>
    <message>
        <source>This subscription is not in Partner Center.</source>
        <translation>此訂閱不在合作夥伴中心。</translation>
    </message>
    <message>
        <source>The subscription changed in Partner Center since pcdesk read it ({changes}). Nothing was sent: what Partner Center holds now is shown; check the change and apply it again.</source>
        <translation>自 pcdesk 讀取後，此訂閱已在合作夥伴中心變更（{changes}）。未傳送任何內容：目前顯示合作夥伴中心的最新資料；請檢查變更後再套用一次。</translation>
    </message>
    <message>
        <source>Partner Center could not be reached: the change waits in Pending changes and is sent when it can be (never twice).</source>
        <translation>無法連線到合作夥伴中心：此變更會在「待處理的變更」中等候，並在可以時傳送（絕不重複）。</translation>
    </message>
    <message>
        <source>Held: the customer has not accepted the Microsoft Customer Agreement in Partner Center yet. The order is placed once it is accepted and you confirm.</source>
        <translation>已保留：客戶尚未在合作夥伴中心接受 Microsoft 客戶合約。接受且您確認後，就會下訂單。</translation>
    </message>
    <message>
        <source>Held: Partner Center is reviewing this customer&apos;s account ({status}). The order is placed once the review ends and you confirm.</source>
        <translation>已保留：合作夥伴中心正在審核此客戶的帳戶（{status}）。審核結束且您確認後，就會下訂單。</translation>
    </message>
    <message>
        <source>Partner Center refused this line: {description} (error {code}).</source>
        <translation>合作夥伴中心拒絕了此項目：{description}（錯誤 {code}）。</translation>
    </message>
    <message>
        <source>This offer is not in Partner Center&apos;s catalog for the customer&apos;s country.</source>
        <translation>此供應項目不在合作夥伴中心針對客戶所在國家/地區的目錄中。</translation>
    </message>
    <message>
        <source>Partner Center could not be reached: the removal of the relationship waits in Pending changes, and is made here once Partner Center has made it.</source>
        <translation>無法連線到合作夥伴中心：移除關係的作業會在「待處理的變更」中等候，待合作夥伴中心完成後，也會在此處完成。</translation>
    </message>
</context>
<context>
    <name>relationship_acceptance</name>
    <message>
        <source>This request is already marked accepted (perhaps on another workstation). Refresh the list to see it.</source>
        <translation>此要求已標示為已接受 (可能是在另一部工作站上)。請重新整理清單以查看。</translation>
    </message>
    <message>
        <source>This request was cancelled (perhaps on another workstation). Refresh the list to see it.</source>
        <translation>此要求已取消 (可能是在另一部工作站上)。請重新整理清單以查看。</translation>
    </message>
    <message>
        <source>Another workstation accepted or cancelled this request just now. Refresh the list to see it.</source>
        <translation>另一部工作站剛剛接受或取消了此要求。請重新整理清單以查看。</translation>
    </message>
    <message>
        <source>Another workstation changed this customer at the same moment. Nothing was recorded: mark the request accepted again.</source>
        <translation>另一部工作站同時變更了此客戶。未記錄任何內容：請再次將要求標示為已接受。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s Microsoft ID.</source>
        <translation>請輸入客戶的 Microsoft 識別碼。</translation>
    </message>
    <message>
        <source>“{value}” is not a Microsoft ID, a GUID like {example}.</source>
        <translation>「{value}」不是 Microsoft 識別碼 (GUID，例如 {example})。</translation>
    </message>
    <message>
        <source>Enter the initial domain, the one ending in .onmicrosoft.com (“{value}” is another domain of the customer).</source>
        <translation>請輸入以 .onmicrosoft.com 結尾的初始網域 (「{value}」是客戶的其他網域)。</translation>
    </message>
    <message>
        <source>{company}&apos;s initial domain is {domain}: an initial domain never changes.</source>
        <translation>「{company}」的初始網域是 {domain}：初始網域永遠不會變更。</translation>
    </message>
    <message>
        <source>{domain} is the initial domain of {company}, whose Microsoft ID is {id}. Check both values.</source>
        <translation>{domain} 是「{company}」的初始網域，其 Microsoft 識別碼為 {id}。請檢查這兩個值。</translation>
    </message>
    <message>
        <source>This is the Microsoft ID of {other}, but the request was sent to {company} ({id}).</source>
        <translation>這是「{other}」的 Microsoft 識別碼，但要求是傳送給「{company}」({id})。</translation>
    </message>
    <message>
        <source>This request was sent to {company}, whose Microsoft ID is {id}.</source>
        <translation>此要求是傳送給「{company}」，其 Microsoft 識別碼為 {id}。</translation>
    </message>
    <message>
        <source>{id} is the Microsoft ID of {company}, whose initial domain is {domain}. Check both values.</source>
        <translation>{id} 是「{company}」的 Microsoft 識別碼，其初始網域為 {domain}。請檢查這兩個值。</translation>
    </message>
    <message>
        <source>This request names no company, and no customer has this Microsoft ID or domain: pcdesk cannot tell whom to add.</source>
        <translation>此要求未指定公司，也沒有客戶擁有此 Microsoft 識別碼或網域：pcdesk 無法判斷要新增哪位客戶。</translation>
    </message>
    <message>
        <source>Another workstation has just added {company} with {domain}. Mark the request accepted again to link it.</source>
        <translation>另一部工作站剛剛以 {domain} 新增了「{company}」。請再次將要求標示為已接受，以連結此客戶。</translation>
    </message>
    <message>
        <source>Another workstation has just added {company} with this Microsoft ID. Mark the request accepted again to link it.</source>
        <translation>另一部工作站剛剛以此 Microsoft 識別碼新增了「{company}」。請再次將要求標示為已接受，以連結此客戶。</translation>
    </message>
    <message>
        <source>Another workstation changed these records at the same time. Try again.</source>
        <translation>另一部工作站同時變更了這些記錄。請再試一次。</translation>
    </message>
</context>
<context>
    <name>relationship_removal</name>
    <message>
        <source>{company} has no relationship with you: there is nothing to remove.</source>
        <translation>「{company}」與您沒有任何關係：沒有可移除的關係。</translation>
    </message>
    <message>
        <source>{company} has 1 active subscription. It must be suspended or cancelled before the relationship can be removed.</source>
        <translation>「{company}」有 1 個使用中的訂用帳戶。必須先暫停或取消該訂用帳戶，才能移除關係。</translation>
    </message>
    <message>
        <source>{company} has {count} active subscriptions. They must be suspended or cancelled before the relationship can be removed.</source>
        <translation>「{company}」有 {count} 個使用中的訂用帳戶。必須先暫停或取消這些訂用帳戶，才能移除關係。</translation>
    </message>
</context>
<context>
    <name>relationship_requests</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>%n days</source>
        <translation>%n 天</translation>
    </message>
    <message>
        <source>(customer removed)</source>
        <translation>(客戶已移除)</translation>
    </message>
    <message>
        <source>{company} (prospect)</source>
        <translation>{company} (潛在客戶)</translation>
    </message>
    <message>
        <source>Customer or prospect</source>
        <translation>客戶或潛在客戶</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件者</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>要求者</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>要求日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>經過時間</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>A prospect: not a customer in pcdesk yet.</source>
        <translation>潛在客戶：尚未成為 pcdesk 中的客戶。</translation>
    </message>
    <message>
        <source>Accepted {when}</source>
        <translation>已於 {when} 接受</translation>
    </message>
    <message>
        <source>Cancelled {when}</source>
        <translation>已於 {when} 取消</translation>
    </message>
</context>
<context>
    <name>relationships</name>
    <message>
        <source>Choose the customer, or enter the company name of a new prospect.</source>
        <translation>請選擇客戶，或輸入新潛在客戶的公司名稱。</translation>
    </message>
    <message>
        <source>There is no draft in “{language}”.</source>
        <translation>沒有「{language}」的草稿。</translation>
    </message>
    <message>
        <source>Enter a subject.</source>
        <translation>請輸入主旨。</translation>
    </message>
    <message>
        <source>This customer no longer exists (another workstation may have removed it). Choose it again.</source>
        <translation>此客戶已不存在 (可能已被另一部工作站移除)。請重新選擇。</translation>
    </message>
    <message>
        <source>This request was marked accepted meanwhile, so it was not changed.</source>
        <translation>此要求在此期間已標示為已接受，因此未變更。</translation>
    </message>
    <message>
        <source>This request was cancelled meanwhile, so it was not changed.</source>
        <translation>此要求在此期間已取消，因此未變更。</translation>
    </message>
    <message>
        <source>The invitation link was altered. It must stay exactly as drafted: undo the change, or delete what is left of it and insert the link again.</source>
        <translation>邀請連結已遭修改。連結必須與草稿完全相同：請復原變更，或刪除剩餘的部分後重新插入連結。</translation>
    </message>
    <message>
        <source>The invitation link was removed. It must stay in the text: insert it again.</source>
        <translation>邀請連結已被移除。連結必須保留在內文中：請重新插入。</translation>
    </message>
</context>
<context>
    <name>resellers</name>
    <message>
        <source>Partner ID {partner_id} already belongs to {name}.</source>
        <translation>合作夥伴識別碼 {partner_id} 已屬於 {name}。</translation>
    </message>
    <message>
        <source>This tenant ID already belongs to {name}.</source>
        <translation>此租用戶識別碼已屬於 {name}。</translation>
    </message>
    <message>
        <source>Only an indirect provider has indirect resellers. If you are one, set the partner type in your partner profile first.</source>
        <translation>只有間接提供者才有間接轉銷商。如果您是間接提供者，請先在合作夥伴設定檔中設定合作夥伴類型。</translation>
    </message>
    <message>
        <source>Enter the reseller&apos;s Partner ID (MPN ID).</source>
        <translation>請輸入轉銷商的合作夥伴識別碼 (MPN 識別碼)。</translation>
    </message>
    <message>
        <source>A Partner ID is 5 to 10 digits, like 4847383; “{value}” is not.</source>
        <translation>合作夥伴識別碼為 5 到 10 位數，例如 4847383；「{value}」不符合。</translation>
    </message>
    <message>
        <source>Enter the reseller&apos;s tenant ID (its Microsoft ID), a GUID like {example}.</source>
        <translation>請輸入轉銷商的租用戶識別碼 (即其 Microsoft 識別碼)，格式為 GUID，例如 {example}。</translation>
    </message>
    <message>
        <source>“{value}” is not a tenant ID, a GUID like {example}.</source>
        <translation>「{value}」不是租用戶識別碼 (GUID，例如 {example})。</translation>
    </message>
    <message>
        <source>Enter the reseller&apos;s name.</source>
        <translation>請輸入轉銷商的名稱。</translation>
    </message>
    <message>
        <source>Line {line} is not valid CSV: {reason}</source>
        <translation>第 {line} 行不是有效的 CSV：{reason}</translation>
    </message>
    <message>
        <source>The file has the column “{column}” twice (columns {first} and {second}), so pcdesk cannot tell which to read. Keep one of them and try again.</source>
        <translation>檔案中「{column}」欄出現兩次（第 {first} 欄和第 {second} 欄），pcdesk 無法判斷要讀取哪一欄。請只保留其中一欄後再試一次。</translation>
    </message>
    <message>
        <source>The first line of the file must name the columns Name, Partner ID, Tenant ID and Country; {columns} is missing.</source>
        <translation>檔案的第一行必須列出 Name、Partner ID、Tenant ID 和 Country 欄；缺少 {columns}。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>檔案是空的。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text; save it as “CSV UTF-8” and try again.</source>
        <translation>{name} 不是 UTF-8 文字；請另存為「CSV UTF-8」後再試一次。</translation>
    </message>
    <message>
        <source>pcdesk could not read {name}: {reason}</source>
        <translation>pcdesk 無法讀取 {name}：{reason}</translation>
    </message>
    <message>
        <source>Line {line} has this tenant ID too, with another Partner ID.</source>
        <translation>第 {line} 行也有此租用戶識別碼，但合作夥伴識別碼不同。</translation>
    </message>
    <message>
        <source>Partner ID {partner_id} is on line {line} already; left out.</source>
        <translation>合作夥伴識別碼 {partner_id} 已在第 {line} 行出現；已略過此列。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>檔案不是 UTF-8 文字。</translation>
    </message>
    <message>
        <source>Rows that cannot be imported: {count}. Nothing was imported; correct the file, or choose to skip those rows.</source>
        <translation>無法匯入的資料列：{count}。未匯入任何內容；請更正檔案，或選擇略過這些資料列。</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Global admin</source>
        <translation>全域管理員</translation>
    </message>
    <message>
        <source>Admin agent</source>
        <translation>管理員代理人</translation>
    </message>
    <message>
        <source>Sales agent</source>
        <translation>銷售代理人</translation>
    </message>
    <message>
        <source>Helpdesk agent</source>
        <translation>技術支援代理人</translation>
    </message>
    <message>
        <source>Billing admin</source>
        <translation>帳單管理員</translation>
    </message>
    <message>
        <source>Your role cannot do this. It needs: {roles}. Ask your Global admin for the role.</source>
        <translation>您的角色無法執行此操作。需要的角色：{roles}。請向您的全域管理員要求此角色。</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>請輸入使用者名稱。</translation>
    </message>
    <message>
        <source>{name} is listed twice.</source>
        <translation>{name} 重複列出。</translation>
    </message>
    <message>
        <source>The team needs at least one Global admin.</source>
        <translation>團隊至少需要一位全域管理員。</translation>
    </message>
    <message>
        <source>Add yourself ({name}) to the team, or you could not change it again.</source>
        <translation>請將您自己 ({name}) 加入團隊，否則您將無法再變更團隊。</translation>
    </message>
</context>
<context>
    <name>subscription_rules</name>
    <message>
        <source>A former customer (no reseller relationship): nothing can be bought or reactivated.</source>
        <translation>先前的客戶 (沒有轉銷商關係)：無法購買或重新啟用任何項目。</translation>
    </message>
    <message>
        <source>No reseller relationship ({relationship}): nothing can be bought or reactivated.</source>
        <translation>沒有轉銷商關係 ({relationship})：無法購買或重新啟用任何項目。</translation>
    </message>
    <message>
        <source>The account is under review: new purchases and license increases are blocked until it is allowed. Reductions, suspensions and cancellations still go through.</source>
        <translation>帳戶審核中：在獲准之前，無法進行新的購買或增加授權。減少授權、暫停與取消仍可進行。</translation>
    </message>
    <message>
        <source>The account is disabled: nothing can be bought.</source>
        <translation>帳戶已停用：無法購買任何項目。</translation>
    </message>
    <message>
        <source>The Microsoft Customer Agreement is pending: nothing can be bought until the customer accepts it (see the Agreement tab).</source>
        <translation>Microsoft 客戶合約待接受：在客戶接受之前無法購買任何項目 (請參閱 [合約] 索引標籤)。</translation>
    </message>
    <message>
        <source>This subscription is cancelled: it can no longer be changed.</source>
        <translation>此訂用帳戶已取消：無法再變更。</translation>
    </message>
    <message>
        <source>Suspended: reactivate it to use its licenses again.</source>
        <translation>已暫停：重新啟用後即可再使用其授權。</translation>
    </message>
</context>
<context>
    <name>subscriptions</name>
    <message>
        <source>{company} is no longer your customer (no reseller relationship): nothing can be bought or reactivated for it.</source>
        <translation>「{company}」已不再是您的客戶 (沒有轉銷商關係)：無法為其購買或重新啟用任何項目。</translation>
    </message>
    <message>
        <source>This customer&apos;s account is under review: new purchases and seat increases are blocked until it is allowed. Reductions and cancellations still go through.</source>
        <translation>此客戶的帳戶審核中：在獲准之前，無法進行新的購買或增加授權。減少授權與取消仍可進行。</translation>
    </message>
    <message>
        <source>This customer&apos;s account is disabled: nothing can be bought.</source>
        <translation>此客戶的帳戶已停用：無法購買任何項目。</translation>
    </message>
    <message>
        <source>Choose at least one offer.</source>
        <translation>請至少選擇一個供應項目。</translation>
    </message>
    <message>
        <source>This subscription is cancelled: it can no longer be changed.</source>
        <translation>此訂用帳戶已取消：無法再變更。</translation>
    </message>
    <message>
        <source>{offer} takes from {minimum} to {maximum} licenses per customer; its other subscriptions hold {held}, so this one takes at most {available}.</source>
        <translation>{offer} 每位客戶可有 {minimum} 到 {maximum} 個授權；其他訂用帳戶已有 {held} 個，因此這個最多 {available} 個。</translation>
    </message>
    <message>
        <source>{offer} takes from {minimum} to {maximum} licenses.</source>
        <translation>{offer} 可購買 {minimum} 到 {maximum} 個授權。</translation>
    </message>
    <message>
        <source>Only an active subscription can be suspended.</source>
        <translation>只有使用中的訂用帳戶可以暫停。</translation>
    </message>
    <message>
        <source>Only a suspended subscription can be reactivated.</source>
        <translation>只有已暫停的訂用帳戶可以重新啟用。</translation>
    </message>
    <message>
        <source>Only an active or suspended subscription can be cancelled.</source>
        <translation>只有使用中或已暫停的訂用帳戶可以取消。</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>Area</source>
        <translation>地區</translation>
    </message>
    <message>
        <source>County</source>
        <translation>縣市</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>District</source>
        <translation>行政區</translation>
    </message>
    <message>
        <source>Do/Si</source>
        <translation>道/市</translation>
    </message>
    <message>
        <source>Emirate</source>
        <translation>酋長國</translation>
    </message>
    <message>
        <source>Island</source>
        <translation>島嶼</translation>
    </message>
    <message>
        <source>Oblast</source>
        <translation>州</translation>
    </message>
    <message>
        <source>Parish</source>
        <translation>教區</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>都道府縣</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>State</source>
        <translation>州</translation>
    </message>
    <message>
        <source>Choose an area.</source>
        <translation>請選擇地區。</translation>
    </message>
    <message>
        <source>Choose a county.</source>
        <translation>請選擇縣市。</translation>
    </message>
    <message>
        <source>Choose a department.</source>
        <translation>請選擇省份。</translation>
    </message>
    <message>
        <source>Choose a district.</source>
        <translation>請選擇行政區。</translation>
    </message>
    <message>
        <source>Choose a do/si.</source>
        <translation>請選擇道/市。</translation>
    </message>
    <message>
        <source>Choose an emirate.</source>
        <translation>請選擇酋長國。</translation>
    </message>
    <message>
        <source>Choose an island.</source>
        <translation>請選擇島嶼。</translation>
    </message>
    <message>
        <source>Choose an oblast.</source>
        <translation>請選擇州。</translation>
    </message>
    <message>
        <source>Choose a parish.</source>
        <translation>請選擇教區。</translation>
    </message>
    <message>
        <source>Choose a prefecture.</source>
        <translation>請選擇都道府縣。</translation>
    </message>
    <message>
        <source>Choose a province.</source>
        <translation>請選擇省。</translation>
    </message>
    <message>
        <source>Choose a state.</source>
        <translation>請選擇州。</translation>
    </message>
    <message>
        <source>Enter the area.</source>
        <translation>請輸入地區。</translation>
    </message>
    <message>
        <source>Enter the county.</source>
        <translation>請輸入縣市。</translation>
    </message>
    <message>
        <source>Enter the department.</source>
        <translation>請輸入省份。</translation>
    </message>
    <message>
        <source>Enter the district.</source>
        <translation>請輸入行政區。</translation>
    </message>
    <message>
        <source>Enter the do/si.</source>
        <translation>請輸入道/市。</translation>
    </message>
    <message>
        <source>Enter the emirate.</source>
        <translation>請輸入酋長國。</translation>
    </message>
    <message>
        <source>Enter the island.</source>
        <translation>請輸入島嶼。</translation>
    </message>
    <message>
        <source>Enter the oblast.</source>
        <translation>請輸入州。</translation>
    </message>
    <message>
        <source>Enter the parish.</source>
        <translation>請輸入教區。</translation>
    </message>
    <message>
        <source>Enter the prefecture.</source>
        <translation>請輸入都道府縣。</translation>
    </message>
    <message>
        <source>Enter the province.</source>
        <translation>請輸入省。</translation>
    </message>
    <message>
        <source>Enter the state.</source>
        <translation>請輸入州。</translation>
    </message>
    <message>
        <source>“{value}” is not an area of {country}.</source>
        <translation>「{value}」不是{country}的地區。</translation>
    </message>
    <message>
        <source>“{value}” is not a county of {country}.</source>
        <translation>「{value}」不是{country}的縣市。</translation>
    </message>
    <message>
        <source>“{value}” is not a department of {country}.</source>
        <translation>「{value}」不是{country}的省份。</translation>
    </message>
    <message>
        <source>“{value}” is not a district of {country}.</source>
        <translation>「{value}」不是{country}的行政區。</translation>
    </message>
    <message>
        <source>“{value}” is not a do/si of {country}.</source>
        <translation>「{value}」不是{country}的道/市。</translation>
    </message>
    <message>
        <source>“{value}” is not an emirate of {country}.</source>
        <translation>「{value}」不是{country}的酋長國。</translation>
    </message>
    <message>
        <source>“{value}” is not an island of {country}.</source>
        <translation>「{value}」不是{country}的島嶼。</translation>
    </message>
    <message>
        <source>“{value}” is not an oblast of {country}.</source>
        <translation>「{value}」不是{country}的州。</translation>
    </message>
    <message>
        <source>“{value}” is not a parish of {country}.</source>
        <translation>「{value}」不是{country}的教區。</translation>
    </message>
    <message>
        <source>“{value}” is not a prefecture of {country}.</source>
        <translation>「{value}」不是{country}的都道府縣。</translation>
    </message>
    <message>
        <source>“{value}” is not a province of {country}.</source>
        <translation>「{value}」不是{country}的省。</translation>
    </message>
    <message>
        <source>“{value}” is not a state of {country}.</source>
        <translation>「{value}」不是{country}的州。</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Post town</source>
        <translation>郵政城鎮</translation>
    </message>
    <message>
        <source>Suburb</source>
        <translation>區域</translation>
    </message>
    <message>
        <source>Enter the city.</source>
        <translation>請輸入城市。</translation>
    </message>
    <message>
        <source>Enter the post town.</source>
        <translation>請輸入郵政城鎮。</translation>
    </message>
    <message>
        <source>Enter the suburb.</source>
        <translation>請輸入區域。</translation>
    </message>
    <message>
        <source>“{value}” is not a city of {area}.</source>
        <translation>「{value}」不是{area}的城市。</translation>
    </message>
    <message>
        <source>“{value}” is not a district of {area}.</source>
        <translation>「{value}」不是{area}的行政區。</translation>
    </message>
    <message>
        <source>“{value}” is not a post town of {area}.</source>
        <translation>「{value}」不是{area}的郵政城鎮。</translation>
    </message>
    <message>
        <source>“{value}” is not a suburb of {area}.</source>
        <translation>「{value}」不是{area}的區域。</translation>
    </message>
    <message>
        <source>Eircode</source>
        <translation>Eircode</translation>
    </message>
    <message>
        <source>PIN code</source>
        <translation>PIN 碼</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵遞區號</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>郵遞區號</translation>
    </message>
    <message>
        <source>Enter the Eircode.</source>
        <translation>請輸入 Eircode。</translation>
    </message>
    <message>
        <source>Enter the PIN code.</source>
        <translation>請輸入 PIN 碼。</translation>
    </message>
    <message>
        <source>Enter the postal code.</source>
        <translation>請輸入郵遞區號。</translation>
    </message>
    <message>
        <source>Enter the ZIP code.</source>
        <translation>請輸入郵遞區號。</translation>
    </message>
    <message>
        <source>Eircode {code} is not valid for {country}, for example {example}.</source>
        <translation>Eircode {code} 不適用於{country}，正確格式例如 {example}。</translation>
    </message>
    <message>
        <source>PIN code {code} is not valid for {country}, for example {example}.</source>
        <translation>PIN 碼 {code} 不適用於{country}，正確格式例如 {example}。</translation>
    </message>
    <message>
        <source>Postal code {code} is not valid for {country}, for example {example}.</source>
        <translation>郵遞區號 {code} 不適用於{country}，正確格式例如 {example}。</translation>
    </message>
    <message>
        <source>ZIP code {code} is not valid for {country}, for example {example}.</source>
        <translation>郵遞區號 {code} 不適用於{country}，正確格式例如 {example}。</translation>
    </message>
    <message>
        <source>Eircode {code} does not belong to {area}.</source>
        <translation>Eircode {code} 不屬於{area}。</translation>
    </message>
    <message>
        <source>PIN code {code} does not belong to {area}.</source>
        <translation>PIN 碼 {code} 不屬於{area}。</translation>
    </message>
    <message>
        <source>Postal code {code} does not belong to {area}.</source>
        <translation>郵遞區號 {code} 不屬於{area}。</translation>
    </message>
    <message>
        <source>ZIP code {code} does not belong to {area}.</source>
        <translation>郵遞區號 {code} 不屬於{area}。</translation>
    </message>
    <message>
        <source>Address line 1</source>
        <translation>地址第 1 行</translation>
    </message>
    <message>
        <source>Address line 2</source>
        <translation>地址第 2 行</translation>
    </message>
    <message>
        <source>Enter the address.</source>
        <translation>請輸入地址。</translation>
    </message>
    <message>
        <source>This is not valid for {country}.</source>
        <translation>此值不適用於{country}。</translation>
    </message>
    <message>
        <source>Enter the date the customer accepted the agreement.</source>
        <translation>請輸入客戶接受合約的日期。</translation>
    </message>
    <message>
        <source>The acceptance date {date} is in the future; today is {today}.</source>
        <translation>接受日期 {date} 在未來；今天是 {today}。</translation>
    </message>
    <message>
        <source>The acceptance date {date} is too long ago; check the year.</source>
        <translation>接受日期 {date} 太久以前，請檢查年份。</translation>
    </message>
    <message>
        <source>Enter the company name.</source>
        <translation>請輸入公司名稱。</translation>
    </message>
    <message>
        <source>Enter the company name, not only spaces.</source>
        <translation>請輸入公司名稱，不能只有空格。</translation>
    </message>
    <message>
        <source>A company name needs at least 2 characters.</source>
        <translation>公司名稱至少需要 2 個字元。</translation>
    </message>
    <message>
        <source>A company name needs letters or digits, not only special characters.</source>
        <translation>公司名稱必須包含文字或數字，不能只有特殊字元。</translation>
    </message>
    <message>
        <source>“{name}” alone is not a company name; enter the name before it.</source>
        <translation>只有「{name}」不是公司名稱，請輸入前面的名稱。</translation>
    </message>
    <message>
        <source>“{name}” is single characters separated by spaces; enter the company name.</source>
        <translation>「{name}」是以空格分隔的單一字元，請輸入公司名稱。</translation>
    </message>
    <message>
        <source>“{tld}” looks like a web address; please make sure the company name is correct.</source>
        <translation>「{tld}」看起來像網址，請確認公司名稱正確。</translation>
    </message>
    <message>
        <source>“{text}” repeats one character; please make sure the company name is correct.</source>
        <translation>「{text}」重複同一個字元，請確認公司名稱正確。</translation>
    </message>
    <message>
        <source>Enter the first name.</source>
        <translation>請輸入名字。</translation>
    </message>
    <message>
        <source>Enter the last name.</source>
        <translation>請輸入姓氏。</translation>
    </message>
    <message>
        <source>A name needs letters: “{name}” has none.</source>
        <translation>姓名必須包含文字：「{name}」中沒有任何文字。</translation>
    </message>
    <message>
        <source>Enter the whole first name, not an initial.</source>
        <translation>請輸入完整的名字，而非縮寫。</translation>
    </message>
    <message>
        <source>Enter the whole last name, not an initial.</source>
        <translation>請輸入完整的姓氏，而非縮寫。</translation>
    </message>
    <message>
        <source>“{name}” is a placeholder; enter the person&apos;s real name.</source>
        <translation>「{name}」是預留位置文字，請輸入此人的真實姓名。</translation>
    </message>
    <message>
        <source>Enter the email address.</source>
        <translation>請輸入電子郵件地址。</translation>
    </message>
    <message>
        <source>“{email}” is not a valid email address, like name@contoso.com.</source>
        <translation>「{email}」不是有效的電子郵件地址，例如 name@contoso.com。</translation>
    </message>
    <message>
        <source>Use the customer&apos;s own email address, not a Microsoft one.</source>
        <translation>請使用客戶自己的電子郵件地址，而非 Microsoft 的地址。</translation>
    </message>
    <message>
        <source>Use the customer&apos;s email address, not one at your own {domain}.</source>
        <translation>請使用客戶的電子郵件地址，而非您自己 {domain} 網域的地址。</translation>
    </message>
    <message>
        <source>Enter a phone number: it is required in {country}.</source>
        <translation>請輸入電話號碼：{country}必須提供電話號碼。</translation>
    </message>
    <message>
        <source>“{phone}” is not a valid phone number for {country}, for example {example}.</source>
        <translation>「{phone}」不是{country}的有效電話號碼，正確格式例如 {example}。</translation>
    </message>
    <message>
        <source>“{phone}” is not a valid phone number for {country}.</source>
        <translation>「{phone}」不是{country}的有效電話號碼。</translation>
    </message>
    <message>
        <source>“{phone}” is not a valid phone number, for example +1 425 882 8080.</source>
        <translation>「{phone}」不是有效的電話號碼，正確格式例如 +1 425 882 8080。</translation>
    </message>
    <message>
        <source>Choose the country or region.</source>
        <translation>請選擇國家或地區。</translation>
    </message>
    <message>
        <source>“{code}” is not a country code: the {name} is {right}.</source>
        <translation>「{code}」不是國家/地區代碼：{name}的代碼是 {right}。</translation>
    </message>
    <message>
        <source>“{code}” is not a country code we know.</source>
        <translation>「{code}」不是可辨識的國家/地區代碼。</translation>
    </message>
    <message>
        <source>Enter a domain prefix.</source>
        <translation>請輸入網域前置詞。</translation>
    </message>
    <message>
        <source>Use only letters and digits: “{prefix}” has {chars}.</source>
        <translation>只能使用英文字母和數字：「{prefix}」含有 {chars}。</translation>
    </message>
    <message>
        <source>Enter a domain name.</source>
        <translation>請輸入網域名稱。</translation>
    </message>
    <message>
        <source>“{domain}” is not a domain name, like contoso.com.</source>
        <translation>「{domain}」不是網域名稱，例如 contoso.com。</translation>
    </message>
    <message>
        <source>At most {limit} characters; this one has {count}.</source>
        <translation>最多 {limit} 個字元，目前有 {count} 個。</translation>
    </message>
    <message>
        <source>“{value}” is not a language code, like en or zh.</source>
        <translation>「{value}」不是語言代碼，例如 en 或 zh。</translation>
    </message>
    <message>
        <source>“{value}” is not a culture code, like en-US or zh-TW.</source>
        <translation>「{value}」不是文化特性代碼，例如 en-US 或 zh-TW。</translation>
    </message>
    <message>
        <source>Culture {culture} is not for language {language}.</source>
        <translation>文化特性 {culture} 不屬於語言 {language}。</translation>
    </message>
    <message>
        <source>“{value}” is not a Microsoft ID, a GUID like {example}.</source>
        <translation>「{value}」不是 Microsoft 識別碼 (GUID，例如 {example})。</translation>
    </message>
    <message>
        <source>Enter your Microsoft ID (tenant ID).</source>
        <translation>請輸入您的 Microsoft 識別碼 (租用戶識別碼)。</translation>
    </message>
    <message>
        <source>Enter your Partner ID (MPN ID).</source>
        <translation>請輸入您的合作夥伴識別碼 (MPN 識別碼)。</translation>
    </message>
    <message>
        <source>A Partner ID is up to 10 digits, like 4847383; “{value}” is not.</source>
        <translation>合作夥伴識別碼最多 10 位數，例如 4847383；「{value}」不符合。</translation>
    </message>
    <message>
        <source>Enter the organization registration ID: it is required in {country}.</source>
        <translation>請輸入組織註冊識別碼：{country}必須提供。</translation>
    </message>
    <message>
        <source>“{value}” is not a registration ID: it has no letters or digits.</source>
        <translation>「{value}」不是註冊識別碼：其中沒有字母或數字。</translation>
    </message>
    <message>
        <source>Leave the organization registration ID empty: {country} does not use one.</source>
        <translation>請將組織註冊識別碼留空：{country}不使用此識別碼。</translation>
    </message>
    <message>
        <source>This text holds a broken character; type it again.</source>
        <translation>此文字含有損壞的字元；請重新輸入。</translation>
    </message>
    <message>
        <source>Remove the invisible direction control (U+{code}): it makes the text read differently from what it holds.</source>
        <translation>請移除看不見的方向控制字元（U+{code}）：它會讓文字的顯示與實際內容不同。</translation>
    </message>
    <message>
        <source>Remove the control character (U+{code}): it is not something to type here.</source>
        <translation>請移除控制字元（U+{code}）：此處不應輸入這種字元。</translation>
    </message>
    <message>
        <source>There is no such record (id {id}).</source>
        <translation>沒有這筆記錄（識別碼 {id}）。</translation>
    </message>
</context>
</TS>
