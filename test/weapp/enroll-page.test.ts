/**
 * @jest-environment jsdom
 *
 * The enrolment page of the built weapp, in miniprogram-simulate: live
 * validation through real input events. SYNTHETIC identities only.
 */
import { renderWeappPage, typeInto } from './load-weapp-page';

const text = (component: Awaited<ReturnType<typeof renderWeappPage>>) => component.dom!.textContent ?? '';

describe('weapp enrolment page', () => {
  it('renders its Chinese labels and explains why it cannot go on yet', async () => {
    const page = await renderWeappPage('pages/enroll/index');
    expect(text(page)).toContain('姓名');
    expect(text(page)).toContain('身份证号码');
    expect(text(page)).toContain('请先填写姓名和身份证号码');
    expect(page.querySelector('#enroll-submit')!.dom!.className).toContain('blocked');
  });

  it('shows the checksum reason as the ID number is typed', async () => {
    const page = await renderWeappPage('pages/enroll/index');
    await typeInto(page, '#enroll-name', '李明华');
    await typeInto(page, '#enroll-id-number', '110105199003071238');
    expect(text(page)).toContain('校验码');
    expect(page.querySelector('#enroll-submit')!.dom!.className).toContain('blocked');
  });

  it('refuses a Latin name with a resident ID number', async () => {
    const page = await renderWeappPage('pages/enroll/index');
    await typeInto(page, '#enroll-id-number', '110105199003071239');
    await typeInto(page, '#enroll-name', 'John Smith');
    expect(page.querySelector('#enroll-name-error')).toBeTruthy();
  });

  it('accepts a valid synthetic identity: no error, submit enabled', async () => {
    const page = await renderWeappPage('pages/enroll/index');
    await typeInto(page, '#enroll-name', '李明华');
    await typeInto(page, '#enroll-id-number', '110105199003071239');
    expect(page.querySelector('#enroll-id-number-error')).toBeFalsy();
    expect(page.querySelector('#enroll-name-error')).toBeFalsy();
    expect(page.querySelector('#enroll-submit')!.dom!.className).not.toContain('blocked');
    expect(text(page)).not.toContain('请先');
  });
});
